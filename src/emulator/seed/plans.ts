// What the seed generates: the business values and the list of generated workspaces.
import type { BoRef, CategoryValues } from '../state/types.js';
import { REGIONS } from './definitions.js';
import {
  CASE_TOPICS,
  COMPANIES,
  INDUSTRIES,
  PEOPLE,
  PROJECTS,
  SUPPLIER_STEMS,
  SUPPLIER_SUFFIXES,
} from './names.js';
import type { Prng } from './prng.js';
import { CATEGORIES, WORKSPACE_TYPES } from './well-known.js';

export function businessValues(rng: Prng, typeId: number, boId: string): Map<number, CategoryValues> {
  const owner = rng.pick(PEOPLE);
  const region = rng.pick(REGIONS);
  if (typeId === WORKSPACE_TYPES.project.id) {
    const c = CATEGORIES.project;
    return new Map([
      [
        c.id,
        {
          [c.projectId]: boId,
          [c.owner]: owner,
          [c.region]: region,
          [c.status]: rng.pick(['Planned', 'Active', 'On Hold', 'Completed']),
          [c.budget]: rng.int(5, 900) * 10_000,
        },
      ],
    ]);
  }
  if (typeId === WORKSPACE_TYPES.case.id) {
    const c = CATEGORIES.case;
    return new Map([
      [
        c.id,
        {
          [c.caseNumber]: boId,
          [c.owner]: owner,
          [c.region]: region,
          [c.status]: rng.pick(['Open', 'In Progress', 'Resolved']),
          [c.priority]: rng.pick(['Low', 'Medium', 'High', 'Critical']),
        },
      ],
    ]);
  }
  const c = CATEGORIES.customer;
  return new Map([
    [
      c.id,
      {
        [c.accountNumber]: boId,
        [c.owner]: owner,
        [c.region]: region,
        [c.status]: rng.pick(['Prospect', 'Active', 'Active', 'On Hold']),
        [c.industry]: rng.pick(INDUSTRIES),
      },
    ],
  ]);
}

export interface WorkspacePlan {
  id?: number;
  name: string;
  typeId: number;
  ref: BoRef;
  documents: number;
  folderIds?: Record<string, number>;
}

export function generatedPlans(rng: Prng): WorkspacePlan[] {
  const plans: WorkspacePlan[] = [];
  COMPANIES.slice(0, 14).forEach((company, i) => {
    plans.push({
      name: company,
      typeId: WORKSPACE_TYPES.customer.id,
      ref: { system: 'crm', boType: 'account', boId: `A-${1010 + i}` },
      documents: rng.int(0, 200),
    });
  });
  SUPPLIER_STEMS.slice(0, 6).forEach((stem, i) => {
    plans.push({
      name: `${stem} ${rng.pick(SUPPLIER_SUFFIXES)}`,
      typeId: WORKSPACE_TYPES.customer.id,
      ref: { system: 'erp', boType: 'supplier', boId: `S-${3010 + i}` },
      documents: rng.int(0, 120),
    });
  });
  PROJECTS.slice(0, 8).forEach((project, i) => {
    plans.push({
      name: `${project} – ${rng.pick(COMPANIES)}`,
      typeId: WORKSPACE_TYPES.project.id,
      ref: { system: 'erp', boType: 'purchase-order', boId: `PO-45000100${String(10 + i)}` },
      documents: rng.int(0, 200),
    });
  });
  for (let i = 0; i < 6; i++) {
    const number = `CASE-2025-${String(100 + i * 7).padStart(4, '0')}`;
    plans.push({
      name: `${rng.pick(CASE_TOPICS)} ${number}`,
      typeId: WORKSPACE_TYPES.case.id,
      ref: { system: 'cases', boType: 'case', boId: number },
      documents: rng.int(0, 80),
    });
  }
  return plans;
}

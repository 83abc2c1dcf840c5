// Deterministic seed: the same workspaces, folders, documents and versions on every start and reset.
import { createDocument } from '../services/documents.js';
import { createWorkspace } from '../services/workspace-factory.js';
import { EmulatorState, FOLDER_TYPE, VOLUME_TYPE } from '../state/emulator-state.js';
import type { NodeRecord } from '../state/types.js';
import { APPROVAL_VALUES, SEED_GROUPS, SEED_USERS, WORKSPACE_TYPE_DEFINITIONS } from './definitions.js';
import { FOLDER_PATTERNS } from './names.js';
import { Prng } from './prng.js';
import { businessValues, generatedPlans, type WorkspacePlan } from './plans.js';
import { seedSpecialDocuments } from './special-documents.js';
import { makeVersions } from './versions.js';
import { CATEGORIES, USERS, WELL_KNOWN, WORKSPACE_TYPES } from './well-known.js';

/** All seeded dates lie before this instant (2026-01-15T09:00:00Z). */
export const SEED_EPOCH = Date.UTC(2026, 0, 15, 9, 0, 0);
const DAY = 86_400_000;
export const AUTHORS = [USERS.regular.id, USERS.reviewer.id, USERS.admin.id];

interface Ctx {
  state: EmulatorState;
  rng: Prng;
}

const APPROVALS: readonly (string | null | undefined)[] = [undefined, null, ...APPROVAL_VALUES];

function uniqueName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const dot = name.lastIndexOf('.');
    candidate = `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function fillFolder(ctx: Ctx, folder: NodeRecord, count: number, startNumber = 1): void {
  const pattern = FOLDER_PATTERNS[folder.name] ?? FOLDER_PATTERNS['Documents'];
  if (!pattern) return;
  const { rng, state } = ctx;
  const taken = new Set(folder.childIds.map((id) => state.nodes.get(id)?.name.toLowerCase() ?? ''));
  for (let i = 0; i < count; i++) {
    const ext = rng.pick(pattern.extensions);
    const stem = rng.pick(pattern.stems).replace('#', String(startNumber + i));
    const name = uniqueName(taken, `${stem}.${ext}`);
    const created = SEED_EPOCH - rng.int(30, 700) * DAY;
    const approval = rng.pick(APPROVALS);
    createDocument(state, {
      parentId: folder.id,
      name,
      date: created,
      userId: rng.pick(AUTHORS),
      versions: makeVersions(rng, name, ext, created, rng.int(1, 4)),
      ...(approval !== undefined ? { approval, visibility: rng.chance(0.35) ? 'Public' : 'Internal' } : {}),
    });
  }
}

function seedWorkspace(ctx: Ctx, plan: WorkspacePlan): NodeRecord {
  const { state, rng } = ctx;
  const ws = createWorkspace(state, {
    ...(plan.id !== undefined ? { id: plan.id } : {}),
    ...(plan.folderIds ? { folderIds: plan.folderIds } : {}),
    name: plan.name,
    typeId: plan.typeId,
    ref: plan.ref,
    categories: businessValues(rng, plan.typeId, plan.ref.boId),
    date: SEED_EPOCH - rng.int(400, 800) * DAY,
    userId: USERS.admin.id,
  });
  const wsApproval = rng.pick(APPROVALS);
  if (wsApproval !== undefined) {
    ws.categories.set(CATEGORIES.documentControl.id, {
      [CATEGORIES.documentControl.approvalStatus]: wsApproval,
      [CATEGORIES.documentControl.portalVisibility]: 'Internal',
    });
  }
  const folders = ws.childIds
    .map((id) => state.nodes.get(id))
    .filter((n): n is NodeRecord => n !== undefined);
  let remaining = plan.documents;
  folders.forEach((folder, i) => {
    const share =
      i === folders.length - 1 ? remaining : Math.min(remaining, rng.int(0, Math.ceil(plan.documents / 2)));
    remaining -= share;
    fillFolder(ctx, folder, share);
  });
  return ws;
}

/** A container was last modified when its newest child was. */
function propagateModifyDates(state: EmulatorState, node: NodeRecord): number {
  for (const id of node.childIds) {
    const child = state.nodes.get(id);
    if (child) node.modifyDate = Math.max(node.modifyDate, propagateModifyDates(state, child));
  }
  return node.modifyDate;
}

/** Builds the complete seeded Content Server. Deterministic and fast (the 10,000 documents hold no bytes). */
export function createSeedState(): EmulatorState {
  const state = new EmulatorState(SEED_USERS, SEED_GROUPS, WELL_KNOWN.firstGeneratedId);
  const rng = new Prng(20260115);
  const ctx: Ctx = { state, rng };
  const root = state.createNode({
    id: WELL_KNOWN.enterpriseVolumeId,
    parentId: -1,
    type: VOLUME_TYPE,
    name: 'Enterprise Workspace',
    date: SEED_EPOCH - 900 * DAY,
    userId: USERS.admin.id,
  });
  for (const type of WORKSPACE_TYPE_DEFINITIONS) {
    state.createNode({
      id: type.locationId,
      parentId: root.id,
      type: FOLDER_TYPE,
      name: `${type.name}s`,
      date: root.createDate,
      userId: USERS.admin.id,
    });
  }

  const { acme, big, empty, supplier } = WELL_KNOWN;
  const acmeWs = seedWorkspace(ctx, {
    id: acme.workspaceId,
    name: acme.name,
    typeId: WORKSPACE_TYPES.customer.id,
    ref: {
      system: acme.businessObject.system,
      boType: acme.businessObject.type,
      boId: acme.businessObject.id,
    },
    documents: 0,
    folderIds: {
      Contracts: acme.contractsFolderId,
      Invoices: acme.invoicesFolderId,
      Correspondence: acme.correspondenceFolderId,
      Confidential: acme.confidentialFolderId,
    },
  });
  seedSpecialDocuments(state, rng);
  for (const folderId of [
    acme.contractsFolderId,
    acme.invoicesFolderId,
    acme.correspondenceFolderId,
    acme.confidentialFolderId,
  ]) {
    const folder = state.nodes.get(folderId);
    if (folder) fillFolder(ctx, folder, 6, 10);
  }
  acmeWs.categories.set(CATEGORIES.customer.id, {
    [CATEGORIES.customer.accountNumber]: acme.businessObject.id,
    [CATEGORIES.customer.owner]: 'Max Sales',
    [CATEGORIES.customer.region]: 'EMEA',
    [CATEGORIES.customer.status]: 'Active',
    [CATEGORIES.customer.industry]: 'Manufacturing',
  });
  acmeWs.categories.set(CATEGORIES.documentControl.id, {
    [CATEGORIES.documentControl.approvalStatus]: 'Approved',
    [CATEGORIES.documentControl.portalVisibility]: 'Internal',
  });

  const bigWs = seedWorkspace(ctx, {
    id: big.workspaceId,
    name: big.name,
    typeId: WORKSPACE_TYPES.project.id,
    ref: { system: big.businessObject.system, boType: big.businessObject.type, boId: big.businessObject.id },
    documents: 0,
    folderIds: { Documents: big.documentsFolderId },
  });
  const documentsFolder = state.nodes.get(big.documentsFolderId);
  if (documentsFolder && bigWs) fillFolder(ctx, documentsFolder, big.documentCount);

  seedWorkspace(ctx, {
    id: empty.workspaceId,
    name: empty.name,
    typeId: WORKSPACE_TYPES.customer.id,
    ref: {
      system: empty.businessObject.system,
      boType: empty.businessObject.type,
      boId: empty.businessObject.id,
    },
    documents: 0,
  });
  seedWorkspace(ctx, {
    id: supplier.workspaceId,
    name: supplier.name,
    typeId: WORKSPACE_TYPES.customer.id,
    ref: {
      system: supplier.businessObject.system,
      boType: supplier.businessObject.type,
      boId: supplier.businessObject.id,
    },
    documents: 40,
  });
  seedWorkspace(ctx, {
    id: WELL_KNOWN.case.workspaceId,
    name: WELL_KNOWN.case.name,
    typeId: WORKSPACE_TYPES.case.id,
    ref: { system: 'cases', boType: 'case', boId: WELL_KNOWN.case.businessObject.id },
    documents: 25,
  });

  for (const plan of generatedPlans(rng)) seedWorkspace(ctx, plan);
  propagateModifyDates(state, root);
  return state;
}

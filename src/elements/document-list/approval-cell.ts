import { html, type TemplateResult } from 'lit';
import type { Approval } from '../../contract/index.js';

/** The approval cell of a row: the shared badge (icon plus text, step in its label), fed with the row's data. */
export function renderApproval(approval: Approval): TemplateResult {
  return html`<xecm-approval-badge
    part="approval"
    state=${approval.state}
    step=${approval.step ?? ''}
  ></xecm-approval-badge>`;
}

// Loaded on demand (dynamic import) when the user points at, focuses or clicks the button: the
// confirmation form and its styles are not part of what a page loads up front.
import { html, nothing, type TemplateResult } from 'lit';
import type { WorkflowChoice } from '../../contract/index.js';
import { displayText } from '../base/display-text.js';
import type { startReview } from '../i18n/en/start-review.js';

export { reviewDialogStyles } from './review-dialog.styles.js';

export interface ReviewFormView {
  kind: 'workspace' | 'document';
  workflows: readonly WorkflowChoice[];
  selected: string | undefined;
  pending: boolean;
  error: string | undefined;
  select(key: string): void;
  submit(e: SubmitEvent): void;
  cancel(): void;
}

/**
 * The dialog's form: workflow choice (when several apply), optional comment, error, confirm/cancel. Its
 * sentences take their direction from their own text (`dir="auto"`): an English dialog in a right-to-left
 * page keeps the layout mirrored but reads "Workflow: Contract Review", not "Contract Review :Workflow".
 */
export function reviewFormView(t: typeof startReview, v: ReviewFormView): TemplateResult {
  return html`<form @submit=${v.submit} novalidate>
    <h2 part="title" id="title" dir="auto">
      ${v.kind === 'workspace' ? t.dialogTitleWorkspace : t.dialogTitleDocument}
    </h2>
    ${
      v.workflows.length > 1
        ? html`<fieldset part="workflow">
            <legend dir="auto">${t.workflow}</legend>
            ${v.workflows.map(
              (w) =>
                html`<label class="choice"
                  ><input
                    type="radio"
                    name="workflow"
                    .value=${w.key}
                    .checked=${w.key === v.selected}
                    @change=${() => v.select(w.key)}
                  /><bdi>${displayText(w.name)}</bdi></label
                >`,
            )}
          </fieldset>`
        : html`<p part="workflow" dir="auto">
            ${t.workflow}: <bdi>${displayText(v.workflows[0]?.name ?? '')}</bdi>
          </p>`
    }
    <label class="block" for="comment" dir="auto">${t.comment}</label>
    <textarea id="comment" part="comment" name="comment" maxlength="1000" aria-describedby="hint"></textarea>
    <p class="hint" id="hint" dir="auto">${t.commentHint}</p>
    ${v.error ? html`<p part="error" role="alert" dir="auto">${v.error}</p>` : nothing}
    <div part="actions">
      <button type="button" part="cancel" @click=${v.cancel}>${t.cancel}</button>
      <button type="submit" part="submit" aria-disabled=${v.pending ? 'true' : 'false'}>
        ${v.pending ? t.submitting : t.submit}
      </button>
    </div>
  </form>`;
}

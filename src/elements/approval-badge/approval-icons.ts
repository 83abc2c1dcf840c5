import { svg, type SVGTemplateResult } from 'lit';
import type { ApprovalState } from '../../contract/approval.js';

// 16×16 stroke icons drawn in currentColor, so they follow the badge's text colour (and forced colours).
const frame = (body: SVGTemplateResult) =>
  svg`<svg part="icon" class="icon" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor"
    stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const APPROVAL_ICONS: Record<ApprovalState, SVGTemplateResult> = {
  none: frame(svg`<circle cx="8" cy="8" r="5.5" stroke-dasharray="2.2 2"/>`),
  draft: frame(svg`<path d="M10.5 2.5l3 3L6 13H3v-3z"/><path d="M9 4l3 3"/>`),
  'in-review': frame(svg`<circle cx="8" cy="8" r="5.5"/><path d="M8 5v3.2l2.2 1.4"/>`),
  approved: frame(svg`<circle cx="8" cy="8" r="5.5"/><path d="M5.5 8.2l1.8 1.8 3.2-3.6"/>`),
  rejected: frame(svg`<circle cx="8" cy="8" r="5.5"/><path d="M6 6l4 4M10 6l-4 4"/>`),
};

export const UNAVAILABLE_ICON: SVGTemplateResult = frame(
  svg`<path d="M8 2.5l6 11H2z"/><path d="M8 6.5v3M8 11.5v.01"/>`,
);

/** Circular arrow of the retry button (not a state icon: no `icon` part). */
export const RETRY_ICON: SVGTemplateResult = svg`<svg class="retry-icon" viewBox="0 0 16 16" width="16" height="16" fill="none"
  stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
  focusable="false"><path d="M13 8a5 5 0 1 1-1.5-3.6"/><path d="M13 2.5v3h-3"/></svg>`;

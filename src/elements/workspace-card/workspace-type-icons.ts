import { svg, type SVGTemplateResult } from 'lit';

const frame = (body: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.7"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

const ICONS = {
  customer:
    frame(svg`<path d="M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v16"/><path d="M15 10h4a1 1 0 0 1 1 1v10"/>
    <path d="M3 21h18M8 8h3M8 12h3M8 16h3"/>`),
  project:
    frame(svg`<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2"/>
    <path d="M3 13h18"/>`),
  case: frame(svg`<path d="M12 4v16M6 20h12"/><path d="M5 8h14"/><path d="M5 8l-3 6a3 3 0 0 0 6 0z"/>
    <path d="M19 8l-3 6a3 3 0 0 0 6 0z"/>`),
  other: frame(svg`<path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"/>`),
} as const;

/** Icon for a workspace type name as xECM reports it ("Customer", "Project", "Case"); anything else gets a folder. */
export function workspaceTypeIcon(type: string): SVGTemplateResult {
  const key = type.trim().toLowerCase();
  return key === 'customer' || key === 'project' || key === 'case' ? ICONS[key] : ICONS.other;
}

export const EXTERNAL_LINK_ICON: SVGTemplateResult = svg`<svg class="external" viewBox="0 0 16 16" width="12" height="12" fill="none"
  stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
  focusable="false"><path d="M9 3h4v4M13 3L7 9"/><path d="M11 9.5V13H3V5h3.5"/></svg>`;

// Typings for React 19 JSX: `<xecm-workspace-card workspace-id="1" onxecm-load={…} />` type-checks once
// a file in the app does `import type {} from 'xecm-elements/react'`. React 19 sets known properties
// (e.g. `client`, `tokenProvider`) as properties, other props as attributes, and turns `on<event-name>`
// props into listeners for that exact event name. Kebab-case attributes (`workspace-id`) are accepted
// by TypeScript as they are.
import type { HTMLAttributes, Key, ReactNode, Ref } from 'react';
import type { XecmApprovalBadge } from './elements/approval-badge/approval-badge.component.js';
import type { XecmDocumentList } from './elements/document-list/document-list.component.js';
import type { XecmDataElement } from './elements/base/xecm-data-element.js';
import type { XecmDocumentOpenEvent } from './elements/events/xecm-document-open-event.js';
import type { XecmErrorEvent } from './elements/events/xecm-error-event.js';
import type { XecmLoadEvent } from './elements/events/xecm-load-event.js';
import type { XecmReviewStartEvent } from './elements/events/xecm-review-start-event.js';
import type { XecmReviewStartedEvent } from './elements/events/xecm-review-started-event.js';
import type { XecmWorkspaceCreateEvent } from './elements/events/xecm-workspace-create-event.js';
import type { XecmProvider } from './elements/provider/provider.component.js';
import type { XecmStartReview } from './elements/start-review/start-review.component.js';
import type { XecmWorkspaceCard } from './elements/workspace-card/workspace-card.component.js';

/** The element's own public fields (not HTMLElement's or the base class's), all optional; `client` too. */
type OwnProps<E> = {
  [K in Exclude<keyof E, keyof XecmDataElement>]?: E[K] extends (...args: never[]) => unknown ? never : E[K];
};

interface XecmEventProps {
  'onxecm-load'?: (event: XecmLoadEvent) => void;
  'onxecm-error'?: (event: XecmErrorEvent) => void;
  'onxecm-workspace-create'?: (event: XecmWorkspaceCreateEvent) => void;
  'onxecm-document-open'?: (event: XecmDocumentOpenEvent) => void;
  'onxecm-review-start'?: (event: XecmReviewStartEvent) => void;
  'onxecm-review-started'?: (event: XecmReviewStartedEvent) => void;
}

export type XecmJsxProps<E extends HTMLElement> = OwnProps<E> &
  Omit<HTMLAttributes<E>, keyof OwnProps<E>> &
  XecmEventProps & {
    client?: XecmDataElement['client'];
    class?: string;
    key?: Key;
    ref?: Ref<E>;
    children?: ReactNode;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'xecm-provider': XecmJsxProps<XecmProvider>;
      'xecm-workspace-card': XecmJsxProps<XecmWorkspaceCard>;
      'xecm-document-list': XecmJsxProps<XecmDocumentList>;
      'xecm-approval-badge': XecmJsxProps<XecmApprovalBadge>;
      'xecm-start-review': XecmJsxProps<XecmStartReview>;
    }
  }
}

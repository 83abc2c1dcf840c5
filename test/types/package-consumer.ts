// What a consumer's TypeScript files look like, type-checked by test/build/package-contents.test.ts against
// the built package (its `exports`, declarations, HTMLElementTagNameMap entries and React 19 JSX typings),
// once with moduleResolution `bundler` and once with `node16`. Kept as text: they import `xecm-elements/…`,
// which only resolves to a built package, never to src/ (see react-jsx.tsx for the same typings from src).
// Each `@ts-expect-error` must meet an error, so a typing that accepts anything fails the check too.

/** Every import path the docs show, and the tag-name map. */
export const CONSUMER_TS = `
import 'xecm-elements';
import 'xecm-elements/provider';
import 'xecm-elements/workspace-card';
import 'xecm-elements/document-list';
import 'xecm-elements/approval-badge';
import 'xecm-elements/start-review';
import { BffClient, BffProblemError, sseLiveEvents } from 'xecm-elements/client';
import { define, loadLocale, registerAll, XecmApprovalBadge, type XecmDocumentList } from 'xecm-elements/elements';
import { PROBLEM_CODES, WorkspaceSummary } from 'xecm-elements/contract';
import type { XecmProvider, XecmStartReview, XecmWorkspaceCard } from 'xecm-elements';
import type { XecmApprovalBadge as SameBadge } from 'xecm-elements/approval-badge';

registerAll('acme');
define('my-badge', class extends XecmApprovalBadge {});
export const ready = loadLocale('de');
export const client = new BffClient({ baseUrl: '/bff', tokenProvider: () => 'jwt', fetch, liveEvents: sseLiveEvents() });
export const code = client.getWorkspace('7001').catch((e: unknown) => (e instanceof BffProblemError ? e.code : ''));
export const parsed = WorkspaceSummary.safeParse({});
export const codes: readonly string[] = PROBLEM_CODES;

const provider: XecmProvider = document.createElement('xecm-provider');
provider.tokenProvider = async () => 'jwt';
provider.theme = 'dark';
const card: XecmWorkspaceCard | null = document.querySelector('xecm-workspace-card');
const list: XecmDocumentList = document.createElement('xecm-document-list');
const badge: SameBadge = document.createElement('xecm-approval-badge');
const review: XecmStartReview = document.createElement('xecm-start-review');
badge.state = 'approved';
// @ts-expect-error not an approval state
badge.state = 'aproved';
list.addEventListener('xecm-document-open', (e) => e.detail.document.name);
review.addEventListener('xecm-review-started', (e) => e.detail.review.id);
card?.addEventListener('xecm-workspace-create', (e) => e.detail.businessObject.id);
// @ts-expect-error the detail has no such field
card?.addEventListener('xecm-error', (e) => e.detail.nope);
`;

/** The React 19 usage of README.md and docs/elements.md, every element with its props, and wrong props. */
export const CONSUMER_TSX = `
import type {} from 'xecm-elements/react';
import 'xecm-elements';
import { BffClient } from 'xecm-elements/client';

declare function createWorkspace(bo: { system: string; type: string; id: string }): void;
declare function getToken(): Promise<string>;
declare function log(text: string): void;
const client = new BffClient({ baseUrl: '/bff' });

export const readme = (accountId: string, workspaceId: string) => (
  <xecm-provider bff-url="/bff" tokenProvider={getToken}>
    <xecm-workspace-card system="crm" type="account" bo-id={accountId} />
    <xecm-document-list workspace-id={workspaceId} onxecm-document-open={(e) => log(e.detail.document.name)} />
  </xecm-provider>
);

export function Account({ id, token }: { id: string; token: () => Promise<string> }) {
  return (
    <xecm-provider bff-url="/bff" tokenProvider={token} locale="en">
      <xecm-workspace-card system="crm" type="account" bo-id={id}
        onxecm-workspace-create={(e) => createWorkspace(e.detail.businessObject)} />
      <xecm-document-list workspace-id="7001" onxecm-document-open={(e) => console.log(e.detail.document.name)} />
    </xecm-provider>
  );
}

export const everyElement = (
  <xecm-provider bff-url="/bff" theme="dark" client={client} live={false} cache-ttl="1000" timeout={5000}>
    <xecm-workspace-card workspace-id="7001" layout="compact" max-fields="3"
      onxecm-load={(e) => e.type} onxecm-error={(e) => e.detail.code} />
    <xecm-document-list workspace-id="7001" source="portal" page-size="50" accept=".pdf" client={client} />
    <xecm-approval-badge document-id="10112" state="approved" />
    <xecm-approval-badge workspace-id="10100" lang="de" dir="rtl" />
    <xecm-start-review target-kind="document" target-id="10113"
      onxecm-review-start={(e) => e.detail.workflow} onxecm-review-started={(e) => e.detail.review.id} />
  </xecm-provider>
);

// @ts-expect-error theme is auto, light or dark
export const wrongTheme = <xecm-provider theme="neon" />;
// @ts-expect-error client is a BffClient
export const wrongClient = <xecm-document-list client="/bff" />;
// @ts-expect-error tokenProvider is a function
export const wrongToken = <xecm-provider tokenProvider="jwt" />;
// @ts-expect-error not an approval state
export const wrongState = <xecm-approval-badge state="aproved" />;
// @ts-expect-error live is a boolean property (live="off" is the HTML attribute)
export const wrongLive = <xecm-provider live="off" />;
// @ts-expect-error the event detail has no such field
export const wrongDetail = <xecm-document-list onxecm-document-open={(e) => e.detail.nope} />;
// @ts-expect-error no such element
export const unknownTag = <xecm-unknown />;
`;

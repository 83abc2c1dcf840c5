// Type-check only (`npm run typecheck`): the React 19 JSX typings accept our tags, their properties and
// typed event handlers, and reject wrong property types.
import type {} from '../../src/react.js';
import { BffClient } from '../../src/client/index.js';

const client = new BffClient({ baseUrl: '/bff' });

export function Page() {
  return (
    <xecm-provider bff-url="/bff" tokenProvider={() => 'jwt'} locale="de" theme="dark">
      <xecm-workspace-card
        system="crm"
        type="account"
        bo-id="A-1001"
        onxecm-workspace-create={(e) => e.detail.businessObject.id}
      />
      <xecm-document-list
        workspace-id="7001"
        client={client}
        onxecm-document-open={(e) => e.detail.document.name}
      />
      <xecm-approval-badge state="approved" />
      <xecm-start-review
        onxecm-review-started={(e) => e.detail.review.id}
        onxecm-error={(e) => e.detail.code}
      />
    </xecm-provider>
  );
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error theme accepts only auto, light or dark */}
      <xecm-provider theme="neon" />
      {/* @ts-expect-error client is a BffClient, not a URL */}
      <xecm-document-list client="/bff" />
      {/* @ts-expect-error not an approval state */}
      <xecm-approval-badge state="aproved" />
      {/* @ts-expect-error live is a boolean property in React (live="off" is the HTML attribute) */}
      <xecm-provider live="off" />
    </>
  );
}

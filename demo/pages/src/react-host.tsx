// A React 19 host: the same tags inside a component tree. React 19 passes properties to custom
// elements, so `tokenProvider` goes straight onto <xecm-provider>, and `onxecm-load` listens to the
// element's event. JSX typings for the tags come from `xecm-elements/react`.
import 'xecm-elements';
import type {} from 'xecm-elements/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, bffTokenProvider, boot, type DemoConfig, loadedWorkspaceId } from './shell.js';

interface Account {
  id: string;
  name: string;
  region: string;
}

function AccountWorkspace({ account }: { account: Account }) {
  const card = useRef<HTMLElementTagNameMap['xecm-workspace-card']>(null);
  const [workspaceId, setWorkspaceId] = useState<string>();
  return (
    <section className="panel">
      <h2>{account.name}</h2>
      <xecm-workspace-card
        ref={card}
        system="crm"
        type="account"
        bo-id={account.id}
        onxecm-load={() => void (card.current && loadedWorkspaceId(card.current).then(setWorkspaceId))}
      />
      {workspaceId && (
        <>
          <p>
            <xecm-start-review target-kind="workspace" target-id={workspaceId} />
          </p>
          <xecm-document-list workspace-id={workspaceId} page-size={20} />
        </>
      )}
    </section>
  );
}

function App({ config }: { config: DemoConfig }) {
  const tokenProvider = useMemo(() => bffTokenProvider(), []);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [selected, setSelected] = useState<string>();
  useEffect(() => {
    void api<{ items: Account[] }>('/api/accounts').then(({ items }) => {
      setAccounts(items);
      setSelected(items[0]?.id);
    });
  }, []);
  const account = accounts.find((a) => a.id === selected);
  return (
    <>
      <h1>React 19 host</h1>
      <xecm-provider bff-url={config.bffUrl ?? undefined} tokenProvider={tokenProvider}>
        <label>
          Account{' '}
          <select value={selected ?? ''} onChange={(e) => setSelected(e.target.value)}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.region})
              </option>
            ))}
          </select>
        </label>
        {account && <AccountWorkspace key={account.id} account={account} />}
      </xecm-provider>
    </>
  );
}

const shell = await boot();
const root = document.getElementById('root')!;
if (shell.user) createRoot(root).render(<App config={shell.config} />);
else root.textContent = 'Sign in first: pick a demo user in the header.';

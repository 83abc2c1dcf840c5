// Names that would show one thing and be another: text-direction controls in upload file names and in
// workspace names are refused with 400 bad-request before anything reaches xECM.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentPage, Problem, WorkspaceSummary } from '../../src/contract/index.js';
import { WELL_KNOWN } from '../../src/emulator/seed/well-known.js';
import type { DemoStack } from '../../demo/stack.js';
import { devToken, startDemoOnFreePorts } from './helpers/demo-stack.js';
import { startStack, type Stack } from './helpers/stack.js';

const { empty } = WELL_KNOWN;
const MAX = 'max.sales';
const DIRECTION_CONTROLS = [
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

describe('BFF upload names: text-direction controls', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack.close();
  });

  async function upload(name: string) {
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.7 not really'], { type: 'application/pdf' }), name);
    return stack.fetch(`/v1/workspaces/${empty.workspaceId}/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await stack.tokenFor(MAX)}`, 'X-Requested-With': 'xecm-elements' },
      body: form,
    });
  }

  async function names(): Promise<string[]> {
    const page = await stack.get<DocumentPage>(MAX, `/v1/workspaces/${empty.workspaceId}/documents`);
    return page.body.items.map((d) => d.name);
  }

  it('refuses "\\u202Efdp.exe" (shown as "exe.pdf") with a clear reason and stores nothing', async () => {
    const before = await stack.get<WorkspaceSummary>(MAX, `/v1/workspaces/${empty.workspaceId}`);
    const res = await upload('\u202Efdp.exe');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = (await res.json()) as Problem;
    assert.equal(problem.code, 'bad-request');
    assert.match(problem.detail ?? '', /^The file name must not contain text-direction control characters/);
    assert.deepEqual(
      problem.errors?.map((e) => e.path),
      ['file'],
    );
    const after = await stack.get<WorkspaceSummary>(MAX, `/v1/workspaces/${empty.workspaceId}`);
    assert.equal(after.body.documentCount, before.body.documentCount);
    assert.ok(!(await names()).some((n) => n.includes('fdp')), 'nothing was stored');
    assert.ok(
      !stack.upstream.some((u) => u.method === 'POST' && u.path.startsWith('/api/v2/nodes')),
      'xECM never saw the upload',
    );
  });

  it('refuses every embedding, override, isolate and mark, anywhere in the name', async () => {
    for (const [i, control] of DIRECTION_CONTROLS.entries()) {
      const res = await upload(`Invoice ${i}${control}.pdf`);
      assert.equal(res.status, 400, `U+${control.codePointAt(0)!.toString(16).toUpperCase()}`);
      assert.equal(((await res.json()) as Problem).code, 'bad-request');
    }
  });

  it('still accepts right-to-left names without controls, and the 248-character limit', async () => {
    const hebrew = await upload('חוזה שירות.pdf');
    assert.equal(hebrew.status, 201);
    const arabic = await upload('عقد الخدمة 2027.pdf');
    assert.equal(arabic.status, 201);
    assert.ok((await names()).includes('عقد الخدمة 2027.pdf'));
    const long = await upload(`${'x'.repeat(496)}.pdf`);
    assert.equal(long.status, 400);
    assert.equal(
      ((await long.json()) as Problem).detail,
      'The file needs a name (1 to 248 characters, no path).',
    );
  });
});

describe('BFF workspace names: text-direction controls', () => {
  let stack: DemoStack;
  before(async () => {
    stack = await startDemoOnFreePorts();
  });
  after(() => stack?.close());

  const token = (user: string) => devToken(stack, user);

  it('refuses to provision a workspace named with an override and creates none', async () => {
    const res = await fetch(`${stack.bff.url}/v1/workspaces`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-requested-with': 'xecm-elements',
        authorization: `Bearer ${await token(MAX)}`,
      },
      body: JSON.stringify({ businessObject: WELL_KNOWN.unlinkedBusinessObject, name: 'Hooli \u202Edtl' }),
    });
    assert.equal(res.status, 400);
    const problem = (await res.json()) as Problem;
    assert.equal(problem.code, 'bad-request');
    assert.match(problem.detail ?? '', /^The workspace name must not contain text-direction control/);
    assert.deepEqual(
      problem.errors?.map((e) => e.path),
      ['name'],
    );
    const lookup = new URLSearchParams({
      system: WELL_KNOWN.unlinkedBusinessObject.system,
      type: WELL_KNOWN.unlinkedBusinessObject.type,
      id: WELL_KNOWN.unlinkedBusinessObject.id,
    });
    const found = await fetch(`${stack.bff.url}/v1/workspaces/lookup?${lookup}`, {
      headers: { authorization: `Bearer ${await token(MAX)}` },
    });
    assert.equal(found.status, 404, 'no workspace was created');
    await found.arrayBuffer();
  });
});

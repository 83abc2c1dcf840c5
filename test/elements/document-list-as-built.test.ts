import { expect } from '@open-wc/testing';

// The tests load src/ through the same Lit template minifier as `npm run build` (web-test-runner.config.js),
// so the layout and behaviour checked here are those of the shipped templates.
describe('<xecm-document-list> sources under test', () => {
  it('are served with their templates shrunk like the build ships them', async () => {
    const served = await (await fetch('/src/elements/document-list/document-list.styles.ts')).text();
    const code = served.split('//# sourceMappingURL=')[0]!;
    expect(code.includes('grid-template-columns:var(--_columns)'), 'CSS whitespace kept').to.equal(true);
    expect(code.includes('Each minimum holds its column'), 'CSS comment kept').to.equal(false);
    expect(/\n {4}display: block;/.test(code), 'indentation kept').to.equal(false);
  });
});

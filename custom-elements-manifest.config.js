// custom-elements.json from the JSDoc of the element classes (@tag, @summary, @slot, @csspart,
// @cssprop, @fires) — read by Storybook's docs pages and editors.
export default {
  globs: ['src/elements/*/*.component.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: 'dist',
  litelement: true,
  dependencies: false,
};

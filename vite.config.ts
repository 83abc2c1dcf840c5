import { defineConfig } from 'vite';
import { litTemplateMinifier } from './bench/minify-lit-templates.js';

/** Registration entries: importing one defines its tag (these are the package's only side effects). */
export const ELEMENT_ENTRIES = [
  'provider',
  'workspace-card',
  'document-list',
  'approval-badge',
  'start-review',
] as const;

// `vite build`: the library as ESM — one entry per element, the all-in-one `index`, and side-effect-free
// `elements`, `client` and `contract` entries. Storybook merges this file too, so keep it free of
// dev-server settings.
export default defineConfig({
  publicDir: false,
  // Comments and indentation out of css``/html``/svg`` templates (the same transform bench/size.ts measures).
  plugins: [litTemplateMinifier()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    lib: {
      entry: {
        index: 'src/index.ts',
        elements: 'src/elements/index.ts',
        client: 'src/client/index.ts',
        contract: 'src/contract/index.ts',
        react: 'src/react.ts',
        ...Object.fromEntries(
          ELEMENT_ENTRIES.map((name) => [`elements/${name}`, `src/elements/${name}/${name}.ts`]),
        ),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // Lit and zod stay external so hosts deduplicate them with their own copies.
      external: [/^lit/, /^@lit\//, /^@lit-labs\//, /^zod/],
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
    sourcemap: true,
  },
});

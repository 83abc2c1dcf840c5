import { defineConfig } from 'vite';

// `vite build`: the library (ESM per element plus an all-in-one entry). Storybook merges this file too,
// so keep it free of dev-server settings.
export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    lib: {
      entry: { index: 'src/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      // Lit and zod stay external in the per-element build so hosts deduplicate them.
      external: [/^lit/, /^@lit\//, /^@lit-labs\//, /^zod/],
    },
    sourcemap: true,
  },
});

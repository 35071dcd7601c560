import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do; in tests those names are the source.
    alias: [
      { find: /^therapeutic-boundaries\/testing$/, replacement: src('testing.ts') },
      { find: /^therapeutic-boundaries$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 30_000,
    // Type tests (*.test-d.ts) are checked by tsc as part of the run.
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});

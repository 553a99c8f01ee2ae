import { defineConfig } from 'vitest/config';

// Unit tests live beside their code. Node is the default environment: domain, api, db, sync and
// server are tested without a browser (fake-indexeddb for Dexie); React tests opt into jsdom
// with a `// @vitest-environment jsdom` line.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    restoreMocks: true,
    setupFiles: ['./vitest.setup.ts'],
  },
});

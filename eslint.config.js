import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The "may import" column of ARCHITECTURE.md, enforced: the core never reaches up into React
// or sideways into I/O it should not own.
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'dev-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  layer(['src/domain/**'], ['react', 'react-dom', 'dexie', '**/api/*', '**/db/*', '**/sync/*', '**/state/*', '**/ui/*', '**/scanner/*'], 'domain is pure: no I/O, no React'),
  layer(['src/api/**'], ['react', 'dexie', '**/db/*', '**/sync/*', '**/state/*', '**/ui/*'], 'api may import domain only'),
  layer(['src/db/**'], ['react', '**/api/*', '**/sync/*', '**/state/*', '**/ui/*'], 'db may import domain only'),
  layer(['src/sync/**'], ['react', '**/state/*', '**/ui/*'], 'sync may not import React layers'),
  layer(['src/scanner/**'], ['react', 'dexie', '**/api/*', '**/db/*', '**/sync/*', '**/state/*', '**/ui/*'], 'scanner may import domain only'),
  layer(['src/ui/**'], ['dexie', 'dexie-react-hooks', '**/api/*', '**/db/*', '**/sync/*'], 'ui renders; it reaches data through state/'),
  // Dexie's own live-query hook keeps every unrelated write for as long as the page is open
  // (src/state/live-query.ts explains); state uses the bounded one.
  {
    files: ['src/state/**'],
    ignores: ['src/state/live-query.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie-react-hooks', importNames: ['useLiveQuery'], message: 'use useLiveQuery from ./live-query.ts: it does not keep unrelated writes all night' }] }],
    },
  },
  layer(['server/**'], ['react', 'dexie', '**/src/api/*', '**/src/db/*', '**/src/sync/*', '**/src/state/*', '**/src/ui/*'], 'server shares only domain types with the app'),
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The "may import" column of ARCHITECTURE.md, enforced as allow-lists: a folder names what it may
// import, and every other folder of ours (and React or Dexie where they do not belong) is refused.
const FOLDERS = ['domain', 'api', 'db', 'sync', 'scanner', 'pwa', 'door', 'state', 'ui', 'app'];

const mayImport = (folder, allowed, { react = false, dexie = false, dexieHooks = false, paths = [] } = {}) => {
  const refused = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const patterns = refused.map((f) => ({ group: [`**/${f}/*`, `**/${f}/**`], message: `${folder}/ may import ${allowed.join(', ') || 'nothing of ours'} (ARCHITECTURE.md), not ${f}/` }));
  if (!react) patterns.push({ group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: `${folder}/ runs without React` });
  if (!dexie) patterns.push({ group: dexieHooks ? ['dexie'] : ['dexie', 'dexie-react-hooks'], message: 'IndexedDB is db/\'s alone' });
  return { files: [`src/${folder}/**/*.{ts,tsx}`], rules: { 'no-restricted-imports': ['error', { patterns, paths }] } };
};

// The browser's I/O each has one home: the network in api/, storage in db/.
const BROWSER_IO = [
  { name: 'fetch', message: 'the network is api/\'s alone (src/api/transport.ts)' },
  { name: 'indexedDB', message: 'IndexedDB is db/\'s alone' },
  { name: 'localStorage', message: 'storage is db/\'s alone (src/db/settings-registry.ts)' },
  { name: 'sessionStorage', message: 'storage is db/\'s alone (src/db/settings-registry.ts)' },
];
// One config object per set of files (a later object would replace an earlier one's rule, not add
// to it): everywhere but api/ and db/ every I/O global is refused; api/ may fetch, db/ may store.
const TEST_FILES = ['src/**/*.test.{ts,tsx}', 'src/**/testing/**', 'src/**/testing.ts'];
const refuseIo = (files, names, ignores = []) => {
  const refused = BROWSER_IO.filter((g) => names.includes(g.name));
  return {
    files,
    ignores: [...ignores, ...TEST_FILES],
    rules: {
      'no-restricted-globals': ['error', ...refused],
      'no-restricted-properties': ['error', ...refused.flatMap((g) => ['window', 'globalThis', 'self'].map((object) => ({ object, property: g.name, message: g.message })))],
    },
  };
};
const STORAGE = ['indexedDB', 'localStorage', 'sessionStorage'];

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
    // The React Compiler's rules too (refs written during render, state set in effects, impure
    // render…): they catch what makes a screen render stale or twice.
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/incompatible-library': 'error',
      'react-hooks/unsupported-syntax': 'error',
    },
  },
  // One import style: a relative import names its file, extension included, as Node and Vite both read it.
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportDeclaration[source.value=/^\\.{1,2}\\/(?!.*\\.(ts|tsx|js|json|css)(\\?\\w+)?$)/]', message: 'name the file with its extension (.ts, .tsx)' },
        { selector: 'ExportNamedDeclaration[source.value=/^\\.{1,2}\\/(?!.*\\.(ts|tsx|js|json|css)(\\?\\w+)?$)/]', message: 'name the file with its extension (.ts, .tsx)' },
        { selector: 'ExportAllDeclaration[source.value=/^\\.{1,2}\\/(?!.*\\.(ts|tsx|js|json|css)(\\?\\w+)?$)/]', message: 'name the file with its extension (.ts, .tsx)' },
      ],
    },
  },
  mayImport('domain', []),
  mayImport('api', ['domain']),
  mayImport('db', ['domain'], { dexie: true }),
  mayImport('sync', ['domain', 'api', 'db']),
  mayImport('scanner', ['domain']),
  mayImport('pwa', ['domain']),
  mayImport('door', ['domain', 'api', 'db', 'sync', 'scanner', 'pwa']),
  // state/ reads the device through the door's store (src/door/store.ts) and renders its live reads
  // with dexie-react-hooks' useObservable; Dexie's own useLiveQuery keeps every unrelated write for
  // as long as the page is open (src/db/live-query.ts explains), so it is refused.
  mayImport('state', ['door', 'domain'], {
    react: true,
    dexieHooks: true,
    paths: [{ name: 'dexie-react-hooks', importNames: ['useLiveQuery'], message: 'use useLiveRead from ./live-query.ts: it does not keep unrelated writes all night' }],
  }),
  // Screens get what they show from state/'s hooks, never the services themselves (db, api, sync).
  mayImport('ui', ['state', 'domain'], {
    react: true,
    paths: ['services.tsx', 'background.tsx'].flatMap((file) =>
      ['../state', '../../state'].map((dir) => ({ name: `${dir}/${file}`, message: 'screens use the hooks of state/, not the services behind them' })),
    ),
  }),
  refuseIo(['src/**/*.{ts,tsx}'], ['fetch', ...STORAGE], ['src/api/**', 'src/db/**']),
  refuseIo(['src/api/**/*.ts'], STORAGE),
  refuseIo(['src/db/**/*.ts'], ['fetch']),
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'dexie', '**/src/api/*', '**/src/db/*', '**/src/sync/*', '**/src/state/*', '**/src/ui/*', '**/src/door/*', '**/src/scanner/*', '**/src/pwa/*'], message: 'server shares only domain types with the app' }] }],
    },
  },
);

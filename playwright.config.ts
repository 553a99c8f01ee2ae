import { defineConfig } from '@playwright/test';

// Debian's chromium (browsers cannot be downloaded here); the flags keep it off the closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// E2E_PORT and DIST_DIR let several people (or agents) run specs side by side on one machine.
export const DEMO_PORT = Number(process.env.E2E_PORT ?? 4173);
/** A second server whose upstream is a closed port: "Qtickets unreachable". */
export const DEAD_UPSTREAM_PORT = DEMO_PORT + 1;
const DIST: Record<string, string> = process.env.DIST_DIR ? { DIST_DIR: process.env.DIST_DIR } : {};
/** Test-only: the demo server takes Qtickets webhooks signed with it (e2e/venue-webhooks.spec.ts signs them). */
export const E2E_WEBHOOK_SECRET = 'e2e-only-webhook-secret';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Per port: Playwright empties its output folder at start, which must not hit a parallel run.
  outputDir: `test-results/e2e-${DEMO_PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${DEMO_PORT}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    serviceWorkers: 'allow',
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
  },
  // The production build served by the same `npm start` a newcomer runs (it builds if needed).
  webServer: [
    {
      command: 'npm start',
      url: `http://127.0.0.1:${DEMO_PORT}/`,
      env: { PORT: String(DEMO_PORT), HOST: '127.0.0.1', QTICKETS_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET, ...DIST },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
    },
    {
      command: 'npm start',
      url: `http://127.0.0.1:${DEAD_UPSTREAM_PORT}/`,
      env: { PORT: String(DEAD_UPSTREAM_PORT), HOST: '127.0.0.1', QTICKETS_API_URL: 'http://127.0.0.1:9/api/rest/v1', ...DIST },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
    },
  ],
});

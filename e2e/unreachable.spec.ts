import { expect, test } from '@playwright/test';
import { DEAD_UPSTREAM_PORT } from '../playwright.config.ts';

test.use({ baseURL: `http://127.0.0.1:${DEAD_UPSTREAM_PORT}` });

test('an unreachable Qtickets gets a clear alert, not a spinner', async ({ page }) => {
  await page.goto('/#/setup');
  await page.getByTestId('token').fill('any-token');
  await page.getByRole('button', { name: 'Проверить токен' }).click();
  await expect(page.getByRole('alert')).toContainText('502');
});

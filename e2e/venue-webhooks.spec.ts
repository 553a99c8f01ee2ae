// Qtickets' own webhooks reach the door live through the venue hub: a ticket scanned by another
// vendor's scanner is already_checked here, a refunded one revoked, a newly sold one valid — no
// pull. Bodies are signed as Qtickets signs them (X-Signature: HMAC-SHA1 of the raw body with the
// organiser's secret, ../shared/reference/qtickets-api-facts.md); an unsigned or wrongly signed
// one is refused and changes nothing.
import { createHmac } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_WEBHOOK_SECRET } from '../playwright.config.ts';
import { DEMO_TOKEN, demo, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

type Signature = 'hex' | 'base64' | 'none' | 'wrong';

function basket(barcode: string, extra: Record<string, unknown> = {}) {
  return { id: Number(barcode.slice(-6)), barcode, show_id: SHOW, client_name: 'Иван', checked_at: null, refunded_at: null, deleted_at: null, ...extra };
}

/** POST /hooks/qtickets as Qtickets sends it: the Order, X-Event-Type, X-Model-Name and the signature. */
async function webhook(request: APIRequestContext, type: string, order: Record<string, unknown>, signature: Signature = 'hex') {
  const body = JSON.stringify({ data: { id: 4360, payed: true, deleted_at: null, ...order } });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Event-Type': type, 'X-Model-Name': 'Order' };
  const secret = signature === 'wrong' ? 'not-the-organisers-secret' : E2E_WEBHOOK_SECRET;
  if (signature !== 'none') headers['X-Signature'] = createHmac('sha1', secret).update(body).digest(signature === 'base64' ? 'base64' : 'hex');
  return request.post('/hooks/qtickets', { headers, data: body });
}

/** What this device stored of a code, as a reload would find it: its ticket change and its admission. */
function storedOf(page: Page, code: string): Promise<{ change: string | null; admittedBy: string | null }> {
  return page.evaluate(
    ({ show, code }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kontrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['ticketChanges', 'admissions']);
          const change = tx.objectStore('ticketChanges').get([show, code]);
          const admission = tx.objectStore('admissions').get([show, code]);
          tx.oncomplete = () => {
            open.result.close();
            resolve({
              change: (change.result as { kind?: string } | undefined)?.kind ?? null,
              admittedBy: (admission.result as { door?: string; source?: string } | undefined)?.door ?? (admission.result as { source?: string } | undefined)?.source ?? null,
            });
          };
        };
      }),
    { show: SHOW, code },
  );
}

async function openLiveDoor(page: Page): Promise<DoorPage> {
  const door = new DoorPage(page);
  await page.goto(`/#/setup?token=${DEMO_TOKEN}&shows=${SHOW}&name=${encodeURIComponent('Вход 3')}`);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
  // Webhooks go to the rooms of the devices holding the show: this one must have joined.
  await expect(page.getByTestId('venue-status')).toHaveAttribute('data-status', 'live', { timeout: 20_000 });
  return door;
}

test('a signed checked webhook: the ticket scanned by Qtickets\' own scanner is already checked here', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  const door = await openLiveDoor(page);
  const code = codes[700]!;
  const res = await webhook(request, 'checked', { baskets: [basket(code, { checked_at: '2026-12-29T19:03:12+03:00' })], checked_basket: [Number(code.slice(-6))] });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ taken: true, events: 1 });
  await expect.poll(() => storedOf(page, code), { timeout: 2_000 }).toMatchObject({ admittedBy: 'Qtickets' });
  await door.typeCode(code);
  await door.expectVerdict('already_checked', code);
  await expect(door.verdict).toContainText('Qtickets');
});

test('a signed refund revokes the ticket on the door within a second, with no pull; a sale makes a new one valid', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  const door = await openLiveDoor(page);
  const refunded = codes[710]!;
  // Neither verdict can come from a pull: the demo still lists the refunded code as valid (only
  // the webhook says otherwise), and it has never listed the sold one.
  const sold = '879000000713';
  const storedCount = async () => Number((await door.stored.textContent())?.replace(/\D/g, ''));
  const storedBefore = await storedCount();
  const refund = await webhook(request, 'refunded', { baskets: [basket(refunded, { refunded_at: '2026-12-29T18:40:00+03:00' })] }, 'base64');
  expect(refund.status()).toBe(200);
  await expect.poll(() => storedOf(page, refunded), { timeout: 1_500 }).toMatchObject({ change: 'revoked' });
  // The header counts what the door can admit: one fewer after the refund, one more after the sale.
  await expect.poll(storedCount, { timeout: 2_000 }).toBe(storedBefore - 1);
  const sale = await webhook(request, 'payed', { id: 4361, baskets: [basket(sold)] });
  expect(sale.status()).toBe(200);
  await expect.poll(() => storedOf(page, sold), { timeout: 1_500 }).toMatchObject({ change: 'listed' });
  await expect.poll(storedCount, { timeout: 2_000 }).toBe(storedBefore);
  await door.typeCode(refunded);
  await door.expectVerdict('revoked', refunded);
  await door.typeCode(sold);
  await door.expectVerdict('valid', sold);
});

test('an unsigned or wrongly signed webhook is refused and changes nothing on the door', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  const door = await openLiveDoor(page);
  const [kept, alsoKept, marker] = [codes[720]!, codes[721]!, codes[722]!];
  const unsigned = await webhook(request, 'refunded', { baskets: [basket(kept, { refunded_at: '2026-12-29T18:40:00+03:00' })] }, 'none');
  expect(unsigned.status()).toBe(401);
  const forged = await webhook(request, 'checked', { baskets: [basket(alsoKept, { checked_at: '2026-12-29T19:03:12+03:00' })], checked_basket: [Number(alsoKept.slice(-6))] }, 'wrong');
  expect(forged.status()).toBe(401);
  // A signed one sent after them arrives: had the others been taken, they would have arrived first.
  expect((await webhook(request, 'refunded', { baskets: [basket(marker, { refunded_at: '2026-12-29T18:41:00+03:00' })] })).status()).toBe(200);
  await expect.poll(() => storedOf(page, marker), { timeout: 2_000 }).toMatchObject({ change: 'revoked' });
  expect(await storedOf(page, kept)).toEqual({ change: null, admittedBy: null });
  expect(await storedOf(page, alsoKept)).toEqual({ change: null, admittedBy: null });
  await door.typeCode(kept);
  await door.expectVerdict('valid', kept);
  await door.typeCode(alsoKept);
  await door.expectVerdict('valid', alsoKept);
});

// Page model of the door-operations screens: search, history, numbers, shift; and the
// warnings on the scan screen (double entry, mode, entrance).
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_TOKEN } from './demo.ts';
import { HeaderPage } from './header-page.ts';

export interface ListedTicket {
  barcode: string;
  zone_name: string | null;
  client_name: string | null;
  client_surname: string | null;
}

/** The show's list as the app downloads it, through the same gateway. */
export async function listedTickets(request: APIRequestContext, show: number): Promise<ListedTicket[]> {
  const json = encodeURIComponent(JSON.stringify({ select: ['barcode', 'zone_name', 'client_name', 'client_surname'] }));
  const res = await request.get(`/api/rest/v1/shows/${show}/barcodes?json=${json}`, { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } });
  const body = (await res.json()) as ListedTicket[] | { data: ListedTicket[] };
  return Array.isArray(body) ? body : body.data;
}

export async function serverCheckedAt(request: APIRequestContext, show: number, code: string): Promise<string | null> {
  const res = await request.get(`/api/rest/v1/shows/${show}/barcode/${code}`, { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } });
  const body = (await res.json()) as { checked_at?: string | null; data?: { checked_at?: string | null } };
  return body.checked_at ?? body.data?.checked_at ?? null;
}

export class StaffScreensPage {
  readonly conflictAlert: Locator;
  readonly mode: Locator;

  constructor(readonly page: Page) {
    this.conflictAlert = page.getByTestId('conflict-alert');
    this.mode = page.getByTestId('conn-mode');
  }

  /** Through the header, as staff go: on a phone that opens the menu first. */
  private nav(name: RegExp) {
    return new HeaderPage(this.page).go(name);
  }

  async openScan() {
    await this.nav(/^(Проверка|Scan)$/);
  }
  async openSearch() {
    await this.nav(/^(Поиск|Search)$/);
  }
  async openHistory() {
    await this.nav(/^(История|History)$/);
  }
  async openShift() {
    await this.nav(/^(Смена|Shift)$/);
  }
  async openStats() {
    await this.nav(/^(Сводка|Numbers)$/);
  }

  /** Opens the entrance filter on the scan screen and ticks these zones. */
  async limitEntrance(zones: string[]) {
    const filter = this.page.getByTestId('entrance-filter');
    await filter.getByRole('button', { expanded: false }).click();
    for (const zone of zones) {
      const box = filter.getByRole('checkbox', { name: zone, exact: true });
      await box.click();
      await expect(box).toBeChecked();
    }
    await expect(this.page.getByTestId('entrance-zones')).toContainText(zones.join(', '));
  }

  async search(query: string) {
    await this.page.getByTestId('search-input').fill(query);
  }

  searchResult(code: string): Locator {
    return this.page.locator(`[data-testid="search-result"][data-barcode="${code}"]`);
  }

  async admitFromSearch(code: string) {
    const row = this.searchResult(code);
    await row.getByRole('button', { name: 'Пропустить' }).click();
    await row.getByRole('button', { name: 'Да, пропустить' }).click();
  }

  historyRow(code: string): Locator {
    return this.page.locator(`[data-testid="history-row"][data-barcode="${code}"]`);
  }

  async undo(code: string) {
    const row = this.historyRow(code).first();
    await row.getByRole('button', { name: 'Отменить проход' }).click();
    await row.getByRole('group').getByRole('button', { name: 'Отменить проход' }).click();
  }

  async setRefreshMinutes(minutes: string) {
    const input = this.page.getByTestId('refresh-minutes');
    await input.fill(minutes);
    await input.press('Enter');
  }
}

// @vitest-environment jsdom
// The verdict panel's words for the entry window, late sales and a ticket used before: what the
// person at the door reads, in Russian first.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket, Verdict } from '../domain/types.ts';
import { I18nProvider } from './i18n/context.tsx';
import { VerdictPanel } from './VerdictPanel.tsx';

afterEach(cleanup);
// jsdom lays nothing out: every box is at 0, so the panel asks to be scrolled into view, which
// jsdom does not implement. The scrolling itself is checked in a browser (e2e/verdict-sizes.spec.ts).
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

const ticket: Ticket = {
  showId: 1, code: '871495495233', revoked: 0, admission: false, price: 1000, seatName: 'Партер: ряд 6, место 29', zoneName: 'Партер',
  row: '6', place: '29', clientName: null, clientSurname: null, clientMiddlename: null,
};
const panel = (verdict: Verdict) => {
  render(<I18nProvider><VerdictPanel shown={{ verdict, scanId: 1 }} /></I18nProvider>);
  return screen.getByTestId('verdict');
};

describe('the verdict panel', () => {
  it('tells a too-early guest from when, in venue time, and the date when it is another day', () => {
    expect(panel({ kind: 'too_early', code: ticket.code, ticket, from: '2026-12-29T17:30:00+03:00', sameDay: true }).textContent).toContain('РаноВход с 17:30');
    cleanup();
    expect(panel({ kind: 'too_early', code: ticket.code, ticket, from: '2026-12-30T17:30:00+03:00', sameDay: false }).textContent).toContain('Вход с 30.12 17:30');
    cleanup();
    expect(panel({ kind: 'show_over', code: ticket.code, ticket, until: '2026-12-30T00:00:00+03:00', sameDay: true }).textContent).toContain('Сеанс оконченВход был до 00:00');
  });

  it('admits with a warning line when the policy lets an early guest in', () => {
    const shown = panel({ kind: 'valid', code: ticket.code, ticket, checkedAt: '2026-12-29T16:00:00+03:00', recorded: true, warning: { kind: 'too_early', at: '2026-12-29T17:30:00+03:00', sameDay: true } });
    expect(shown.dataset.verdict).toBe('valid');
    expect(shown.dataset.warning).toBe('too_early');
    expect(shown.textContent).toContain('Раньше времени: вход с 17:30');
  });

  it('says a late ticket is being checked, then what the server said, or how old the list is offline', () => {
    const listFrom = '2026-12-29T19:02:00+03:00';
    expect(panel({ kind: 'unknown', code: '879999000011', listFrom, server: 'checking' }).textContent).toContain('Проверяем на сервере…');
    cleanup();
    expect(panel({ kind: 'unknown', code: '879999000011', listFrom, server: 'absent' }).textContent).toContain('Нет ни в списке, ни на сервере');
    cleanup();
    expect(panel({ kind: 'unknown', code: '879999000011', listFrom, server: 'offline' }).textContent).toMatch(/Список от \d\d:\d\d — билет может быть новее/);
    cleanup();
    expect(panel({ kind: 'unknown', code: 'x', listFrom: null }).textContent).toContain('Нет в списке этого события');
  });

  it('says how long ago and where a used ticket went in', () => {
    const base = { kind: 'already_checked', code: ticket.code, ticket, checkedAt: '2026-12-29T19:03:12+03:00' } as const;
    expect(panel({ ...base, source: 'venue', door: 'Вход 2', agoMinutes: 12 }).textContent).toMatch(/12 мин назад \(\d\d:\d\d:\d\d\), Вход 2/);
    cleanup();
    expect(panel({ ...base, source: 'this_device', agoMinutes: 0 }).textContent).toMatch(/только что \(\d\d:\d\d\), на этом устройстве/);
    cleanup();
    expect(panel({ ...base, source: 'server', agoMinutes: 135 }).textContent).toMatch(/2 ч 15 мин назад \(\d\d:\d\d\), по данным сервера/);
  });
});

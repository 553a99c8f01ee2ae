// @vitest-environment jsdom
// The verdict panel for exits and re-entries, and what it shows of a ticket for a queue to read:
// zone and seat, the category badge where several come through, the buyer's name unless hidden.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket, Verdict } from '../../domain/types.ts';
import { I18nProvider } from '../i18n/context.tsx';
import { VerdictPanel, type TicketView } from '../VerdictPanel.tsx';

afterEach(cleanup);
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

const ticket: Ticket = {
  showId: 1, code: '871495495233', revoked: 0, admission: false, price: 5000, seatName: 'VIP: ряд 1, место 2', zoneName: 'VIP',
  row: '1', place: '2', clientName: 'Иван', clientSurname: 'Петров', clientMiddlename: null,
};
const panel = (verdict: Verdict, view?: TicketView) => {
  render(<I18nProvider><VerdictPanel shown={{ verdict, scanId: 1 }} view={view} /></I18nProvider>);
  return screen.getByTestId('verdict');
};
const valid: Verdict = { kind: 'valid', code: ticket.code, ticket, checkedAt: '2026-12-29T19:00:00+03:00', recorded: true };

describe('exit and re-entry on the verdict panel', () => {
  it('says a re-entry in green words with when the person went out', () => {
    const shown = panel({ kind: 'reentry', code: ticket.code, ticket, at: '2026-12-29T20:30:00+03:00', leftAt: new Date(2026, 11, 29, 20, 5).toISOString(), recorded: true });
    expect(shown.dataset.verdict).toBe('reentry');
    expect(shown.textContent).toContain('Повторный входВыходил в 20:05');
  });

  it('says whether a person leaving may come back, and "not inside" for a ticket that never came in', () => {
    expect(panel({ kind: 'exit', code: ticket.code, ticket, at: '2026-12-29T20:00:00+03:00', reentry: true, recorded: true }).textContent).toContain('Выход отмеченПо этому билету можно вернуться');
    cleanup();
    expect(panel({ kind: 'exit', code: ticket.code, ticket, at: '2026-12-29T20:00:00+03:00', reentry: false, recorded: true }).textContent).toContain('Повторный вход по этому билету не разрешён');
    cleanup();
    expect(panel({ kind: 'not_inside', code: ticket.code, ticket }).textContent).toContain('Не входил');
  });

  it('raises an alert when an exit could not be stored', () => {
    const shown = panel({ kind: 'exit', code: ticket.code, ticket, at: '2026-12-29T20:00:00+03:00', reentry: false, recorded: false });
    expect(shown.getAttribute('role')).toBe('alert');
    expect(shown.textContent).toContain('запишите номер вручную');
  });
});

describe('a ticket on the verdict panel', () => {
  it('shows the seat large and the category as a badge where the door admits several', () => {
    panel(valid, { categories: true, buyerName: true });
    expect(screen.getByTestId('verdict-category').textContent).toBe('VIP');
    expect(screen.getByTestId('verdict-category').dataset.vip).toBe('true');
    expect(screen.getByTestId('verdict-seat').textContent).toBe('ряд 1, место 2');
  });

  it('names the zone in the seat line and shows no badge where one category comes through', () => {
    panel(valid, { categories: false, buyerName: true });
    expect(screen.queryByTestId('verdict-category')).toBeNull();
    expect(screen.getByTestId('verdict-seat').textContent).toBe('VIP, ряд 1, место 2');
  });

  it("shows the buyer's name, and hides it when the privacy setting says so", () => {
    panel(valid, { categories: false, buyerName: true });
    expect(screen.getByTestId('verdict-holder').textContent).toBe('Петров Иван');
    cleanup();
    expect(panel(valid, { categories: false, buyerName: false }).textContent).not.toContain('Петров');
  });
});

describe('people inside, counted in words', () => {
  it('declines "человек" as Russian does and says person/people in English', async () => {
    const { plural } = await import('../i18n/translate.ts');
    expect([1, 2, 5, 21, 22, 111].map((n) => plural('ru', 'people', n))).toEqual(['1 человек', '2 человека', '5 человек', '21 человек', '22 человека', '111 человек']);
    expect([1, 2].map((n) => plural('en', 'people', n))).toEqual(['1 person', '2 people']);
  });
});

// The organiser's CSV says which admissions a supervisor decided, why, whether Qtickets heard of
// them, and every note staff wrote on a scan.
import { describe, expect, it } from 'vitest';
import type { ScanRecord, Show } from '../../domain/types.ts';
import { historyCsv } from '../history/history-csv.ts';

const show: Show = { id: 1, eventId: 1, eventName: 'Щелкунчик', startDate: null, active: true, pulledAt: null };
const line = (id: string, extra: Partial<ScanRecord>): ScanRecord => ({
  id, at: Date.UTC(2026, 11, 29, 16, 0), code: '871495495233', verdict: 'wrong_zone', showId: 1, source: 'camera', ...extra,
});

function rows(csv: string): Record<string, string>[] {
  const [head, ...body] = csv.replace('\uFEFF', '').trim().split('\r\n').map((l) => l.split(';'));
  return body.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])));
}

describe('history CSV and supervisor decisions', () => {
  it('writes the override with its reason and words, and the delivery it got', () => {
    const csv = historyCsv(
      [
        {
          scan: line('a', { checkInId: 'c1', override: { denied: 'wrong_zone', reason: 'vip', text: 'с артистом', at: 1, delivery: 'qtickets' } }),
          ticket: null,
          delivery: 'delivered',
        },
        { scan: line('b', { verdict: 'already_checked', override: { denied: 'already_checked', reason: 'other', text: 'вышел за паспортом', at: 2, delivery: 'local' } }), ticket: null, delivery: null },
        { scan: line('c', { verdict: 'valid', note: 'без браслета' }), ticket: null, delivery: 'pending' },
      ],
      [show],
    );
    const [vip, again, noted] = rows(csv);
    expect(vip).toMatchObject({ Результат: 'Другой вход', 'Решение старшего': 'Гость VIP — с артистом', Отправка: 'отправлено', Заметка: '' });
    expect(again).toMatchObject({ 'Решение старшего': 'Другое — вышел за паспортом (только на этом устройстве)', Отправка: '' });
    expect(noted).toMatchObject({ 'Решение старшего': '', Заметка: 'без браслета' });
  });
});

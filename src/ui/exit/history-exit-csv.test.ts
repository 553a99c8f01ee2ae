// The organiser's CSV tells exits and re-entries apart from admissions: Qtickets never hears of
// them, so the file is where the night's comings and goings are on record.
import { describe, expect, it } from 'vitest';
import type { ScanRecord, Show } from '../../domain/types.ts';
import { historyCsv } from '../history/history-csv.ts';

const show: Show = { id: 1, eventId: 1, eventName: 'Концерт', startDate: null, active: true, pulledAt: null };
const scan = (verdict: ScanRecord['verdict'], minute: number): ScanRecord => ({
  id: `s-${minute}`, at: Date.UTC(2026, 11, 29, 15, minute), code: '871495495233', verdict, showId: 1, source: 'scanner',
});

describe('history CSV with exits', () => {
  it('writes an entry, the exit, the re-entry and a refused exit in their own words', () => {
    const csv = historyCsv(
      [
        { scan: { ...scan('valid', 0), checkInId: 'c1' }, ticket: null, delivery: 'delivered' },
        { scan: { ...scan('exit', 10), movementId: 'm1' }, ticket: null, delivery: null },
        { scan: { ...scan('reentry', 20), movementId: 'm2' }, ticket: null, delivery: null },
        { scan: scan('not_inside', 30), ticket: null, delivery: null },
      ],
      [show],
    );
    const verdicts = csv.trim().split('\r\n').slice(1).map((line) => line.split(';')[3]);
    expect(verdicts).toEqual(['Проходите', 'Выход отмечен', 'Повторный вход', 'Не входил']);
  });
});

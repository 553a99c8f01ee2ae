// The CSV the organiser gets names the entry-window verdicts, and an admission let in outside the
// window says so beside "Проходите".
import { describe, expect, it } from 'vitest';
import type { ScanRecord, Show } from '../../domain/types.ts';
import { historyCsv } from './history-csv.ts';

const show: Show = { id: 1, eventId: 1, eventName: 'Щелкунчик', startDate: null, active: true, pulledAt: null };
const scan = (verdict: ScanRecord['verdict'], extra: Partial<ScanRecord> = {}): ScanRecord => ({
  id: `s-${verdict}`, at: Date.UTC(2026, 11, 29, 15, 0), code: '871495495233', verdict, showId: 1, source: 'camera', ...extra,
});

describe('history CSV and the entry window', () => {
  it('writes the window verdicts and the warning of an admission outside the window', () => {
    const csv = historyCsv(
      [
        { scan: scan('too_early'), ticket: null, delivery: null },
        { scan: scan('show_over'), ticket: null, delivery: null },
        { scan: scan('valid', { warning: 'too_early', checkInId: 'c1' }), ticket: null, delivery: 'pending' },
      ],
      [show],
    );
    const verdicts = csv.trim().split('\r\n').slice(1).map((line) => line.split(';')[3]);
    expect(verdicts).toEqual(['Рано', 'Сеанс окончен', 'Проходите (раньше времени)']);
  });
});

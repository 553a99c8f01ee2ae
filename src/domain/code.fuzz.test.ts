// Scanner input fuzz: 10,000 hostile strings through normalisation and the verdict rules.
// Nothing throws; whatever is left is short, visible text; nothing unlisted is ever admitted; a
// listed code wrapped in a wedge's control characters is still found.
// Replay one case: KONTROL_SEED=<n> npx vitest run src/domain/code.fuzz.test.ts
import { describe, expect, it } from 'vitest';
import { candidateCodes, MAX_CODE_LENGTH, normaliseCode } from './code.ts';
import { hostileInput } from './testing/hostile-input.ts';
import { seeded } from './testing/random.ts';
import type { Show, Ticket } from './types.ts';
import { decide } from './verdict.ts';

const CASES = 10_000;
const ONLY = process.env.KONTROL_SEED === undefined ? null : Number(process.env.KONTROL_SEED);

const show: Show = { id: 1001, eventId: 101, eventName: 'Щелкунчик', startDate: '2026-12-29T19:00:00+03:00', active: true, pulledAt: null };
const listed: Ticket[] = ['877076325904', '871495495233', '870000000017'].map((code) => ({
  showId: 1001, code, admission: false, price: null, seatName: null, zoneName: null, row: null, place: null,
  clientName: null, clientSurname: null, clientMiddlename: null, revoked: 0,
}));
const byCode = new Map(listed.map((t) => [t.code, t]));
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

describe('scanner input fuzz', () => {
  it(`survives ${ONLY ?? CASES} hostile strings: no exception, short visible text, unknown unless listed`, () => {
    const seeds = ONLY !== null ? [ONLY] : Array.from({ length: CASES }, (_, i) => i + 1);
    const tally = { empty: 0, unknown: 0, admitted: 0, clipped: 0 };
    for (const seed of seeds) {
      const raw = hostileInput(seeded(seed), listed.map((t) => t.code));
      const where = `seed ${seed} (replay: KONTROL_SEED=${seed}): ${JSON.stringify(raw.slice(0, 80))}`;
      let code: string | null;
      try {
        code = normaliseCode(raw);
      } catch (error) {
        throw new Error(`${where} threw ${String(error)}`, { cause: error });
      }
      if (code === null) {
        tally.empty += 1;
        expect(raw.replace(/[\p{Cc}\p{Cf}\s]/gu, ''), where).toBe('');
        continue;
      }
      expect(code.length, where).toBeLessThanOrEqual(MAX_CODE_LENGTH);
      expect(INVISIBLE.test(code), where).toBe(false);
      expect(code, where).toBe(code.trim());
      if (raw.length > MAX_CODE_LENGTH) tally.clipped += 1;

      const candidates = candidateCodes(code);
      const tickets = candidates.flatMap((c) => byCode.get(c) ?? []);
      const decision = decide({ code, tickets, admissions: [], shows: [show], now: new Date('2026-12-29T16:30:00Z') });
      if (tickets.length === 0) {
        expect(decision, where).toEqual({ admit: false, verdict: { kind: 'unknown', code, listFrom: show.pulledAt } });
        tally.unknown += 1;
      } else {
        expect(decision.admit, where).toBe(true);
        tally.admitted += 1;
      }
    }
    if (ONLY === null) {
      // The generator must really have produced each kind, or passing proves little.
      expect(tally.empty).toBeGreaterThan(0);
      expect(tally.clipped).toBeGreaterThan(100);
      expect(tally.admitted).toBeGreaterThan(100);
      expect(tally.unknown).toBeGreaterThan(CASES / 2);
      console.log(`scanner input fuzz: ${JSON.stringify({ cases: seeds.length, ...tally })}`);
    }
  });
});

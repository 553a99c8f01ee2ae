import { describe, expect, it } from 'vitest';
import { buildSeed, UNKNOWN_CODE } from './seed.ts';

describe('demo seed', () => {
  it('issues the same codes whatever the start date, and dates follow the start door day', () => {
    const a = buildSeed({ now: new Date('2026-03-01T09:00:00Z'), firstShowTickets: 3000 });
    const b = buildSeed({ now: new Date('2027-11-20T22:30:00Z'), firstShowTickets: 3000 });
    for (const showId of a.tickets.keys()) {
      expect(b.tickets.get(showId)?.map((t) => t.barcode)).toEqual(a.tickets.get(showId)?.map((t) => t.barcode));
    }
    const show = (seed: typeof a) => (seed.events[0]!.shows as Record<string, unknown>[])[0]!;
    expect(show(a).start_date).toBe('2026-03-01T19:00:00+03:00');
    // 22:30 UTC is 01:30 on the 21st in Moscow: still the 20th's door day (it starts at 06:00), so
    // "today's" show is the evening that just ended, as the door counts it.
    expect(show(b).start_date).toBe('2027-11-20T19:00:00+03:00');
    // From 06:00 Moscow (03:00 UTC) the door day, and the demo's today, is the 21st.
    const c = buildSeed({ now: new Date('2027-11-21T03:00:00Z'), firstShowTickets: 3000 });
    expect(show(c).start_date).toBe('2027-11-21T19:00:00+03:00');
  });

  it('keeps the other shows identical when DEMO_TICKETS resizes show 1001', () => {
    const now = new Date();
    const small = buildSeed({ now, firstShowTickets: 3000 });
    const big = buildSeed({ now, firstShowTickets: 20000 });
    expect(big.tickets.get(1001)).toHaveLength(20000);
    expect(big.tickets.get(1002)?.map((t) => t.barcode)).toEqual(small.tickets.get(1002)?.map((t) => t.barcode));
  });

  it('issues unique 12-digit codes starting with 87 across all shows, never the unknown code', () => {
    const seed = buildSeed({ now: new Date(), firstShowTickets: 3000 });
    const all = [...seed.tickets.values()].flat().map((t) => t.barcode);
    expect(all.length).toBeGreaterThan(9000);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((c) => /^87\d{10}$/.test(c))).toBe(true);
    expect(all).not.toContain(UNKNOWN_CODE);
  });

  it('describes seats the way Qtickets does', () => {
    const seed = buildSeed({ now: new Date(), firstShowTickets: 3000 });
    const tickets = seed.tickets.get(1001)!;
    const seated = tickets.find((t) => !t.admission)!;
    expect(seated.seat_name).toBe(`${seated.zone_name}: ряд ${seated.row}, место ${seated.place}`);
    const standing = seed.tickets.get(1003)!.find((t) => t.admission)!;
    expect(standing).toMatchObject({ seat_name: 'Танцевальный партер', zone_name: 'Танцевальный партер', row: null, place: null });
    expect(tickets.some((t) => t.client_name === null)).toBe(true);
    expect(tickets.some((t) => t.client_middlename === null && t.client_name !== null)).toBe(true);
    expect(tickets.some((t) => /^[А-ЯЁ][а-яё]+$/.test(t.client_surname ?? ''))).toBe(true);
  });

  it('adds a festival only when asked: its tickets shared over open shows, the other shows untouched', () => {
    const now = new Date('2026-03-01T09:00:00Z');
    const plain = buildSeed({ now, firstShowTickets: 3000 });
    const seed = buildSeed({ now, firstShowTickets: 3000, festival: { tickets: 1003, shows: 4 } });
    const ids = [1101, 1102, 1103, 1104];
    expect(plain.events.some((e) => e.id === 114)).toBe(false);
    expect(ids.map((id) => seed.tickets.get(id)?.length)).toEqual([251, 251, 251, 250]);
    for (const [showId, list] of plain.tickets) expect(seed.tickets.get(showId)?.map((t) => t.barcode)).toEqual(list.map((t) => t.barcode));
    const all = [...seed.tickets.values()].flat().map((t) => t.barcode);
    expect(new Set(all).size).toBe(all.length);
    const festival = seed.events.find((e) => e.id === 114)!;
    expect((festival.shows as Record<string, unknown>[]).map((s) => s.id)).toEqual(ids);
    for (const show of festival.shows as Record<string, unknown>[]) {
      expect(Date.parse(show.open_date as string)).toBeLessThanOrEqual(now.getTime());
      expect(Date.parse(show.finish_date as string)).toBeGreaterThan(now.getTime());
    }
  });

  it('generates 100k tickets quickly', () => {
    const started = performance.now();
    const seed = buildSeed({ now: new Date(), firstShowTickets: 100_000 });
    const ms = performance.now() - started;
    expect(seed.tickets.get(1001)).toHaveLength(100_000);
    // Well under a second on a normal machine; generous for a loaded CI runner.
    expect(ms).toBeLessThan(3000);
  });
});

describe('demo show times (the door entry window)', () => {
  const showById = (seed: ReturnType<typeof buildSeed>, id: number) =>
    seed.events.flatMap((e) => e.shows as Record<string, unknown>[]).find((s) => s.id === id)!;

  it("keeps today's first show open whatever hour the demo starts", () => {
    for (const start of ['2026-03-01T06:00:00Z', '2026-03-01T22:30:00Z', '2026-03-01T02:10:00Z']) {
      const now = new Date(start);
      const first = showById(buildSeed({ now, firstShowTickets: 100 }), 1001);
      expect(Date.parse(String(first.open_date))).toBeLessThanOrEqual(now.getTime() - 3600_000);
      expect(Date.parse(String(first.finish_date))).toBeGreaterThanOrEqual(now.getTime() + 12 * 3600_000);
    }
    // Started at 19:30 Moscow time, the planned opening (18:00) stands.
    const evening = showById(buildSeed({ now: new Date('2026-03-01T16:30:00Z'), firstShowTickets: 100 }), 1001);
    expect(evening).toMatchObject({ open_date: '2026-03-01T18:00:00+03:00', start_date: '2026-03-01T19:00:00+03:00', finish_date: '2026-03-02T07:30:00+03:00' });
  });

  it('opens the later show 3 h after the start, in Moscow time', () => {
    const later = showById(buildSeed({ now: new Date('2026-03-01T09:00:30Z'), firstShowTickets: 100 }), 1016);
    expect(later).toMatchObject({ open_date: '2026-03-01T15:00:00+03:00', start_date: '2026-03-01T15:30:00+03:00', finish_date: '2026-03-01T17:30:00+03:00' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startDemoQtickets, type DemoHandle } from '../demo/index.ts';
import { parseEventsPage, readableShows, type ShowsAnswer } from './qtickets-shows.ts';
import { createTokenCheck } from './token-check.ts';

let demo: DemoHandle | null = null;
afterEach(async () => {
  await demo?.close();
  demo = null;
});

describe('the shows a token can read', () => {
  it('reads every page of the demo: show 1001 is on page 2, the deleted event 105 is not listed', async () => {
    demo = await startDemoQtickets();
    const answer = await readableShows({ upstream: demo.upstream, token: demo.token, timeoutMs: 5000, maxPages: 50 });
    expect(answer.kind).toBe('shows');
    const shows = (answer as { shows: Set<number> }).shows;
    expect(shows.has(1001)).toBe(true);
    expect(shows.has(1015)).toBe(true);
    expect(shows.has(1007)).toBe(false);
    expect(await readableShows({ upstream: demo.upstream, token: 'wrong', timeoutMs: 5000, maxPages: 50 })).toEqual({ kind: 'refused', status: 401 });
  });

  it('reads a bare array, {data, paging} and PHP lists; refuses anything else', () => {
    expect(parseEventsPage([{ id: 1, shows: [{ id: 10 }] }])).toEqual({ events: [{ id: 1, shows: [10] }], paging: null });
    expect(parseEventsPage({ data: { 0: { id: 2, shows: { 0: { id: 20 }, 2: { id: 21 } } } }, meta: { per_page: 10, current_page: 1, total: 1 } })).toEqual({
      events: [{ id: 2, shows: [20, 21] }],
      paging: { perPage: 10, currentPage: 1, total: 1 },
    });
    expect(parseEventsPage({ status: 'error' })).toBeNull();
    expect(parseEventsPage([{ name: 'no id' }])).toBeNull();
    expect(parseEventsPage({ data: [], paging: { total: 'x' } })).toBeNull();
  });
});

describe('token check cache', () => {
  function harness(answers: ShowsAnswer[]) {
    let clock = 1_000_000;
    let asked = 0;
    const check = createTokenCheck({
      upstream: 'http://unused',
      now: () => clock,
      ask: async () => {
        asked += 1;
        return answers.shift() ?? { kind: 'unavailable', reason: 'down' };
      },
    });
    return { check, asked: () => asked, advance: (ms: number) => (clock += ms) };
  }
  const shows = (...ids: number[]): ShowsAnswer => ({ kind: 'shows', shows: new Set(ids) });

  it('asks once for many at once, then answers from the cache for five minutes', async () => {
    const h = harness([shows(1001), shows(1001)]);
    const verdicts = await Promise.all(Array.from({ length: 50 }, () => h.check.check('t', 'fp', [1001])));
    expect(verdicts.every((v) => v.ok)).toBe(true);
    expect(h.asked()).toBe(1);
    h.advance(4 * 60_000);
    expect(h.check.wouldAsk('fp', [1001])).toBe(false);
    await h.check.check('t', 'fp', [1001]);
    expect(h.asked()).toBe(1);
    h.advance(2 * 60_000);
    expect(h.check.wouldAsk('fp', [1001])).toBe(true);
    await h.check.check('t', 'fp', [1001]);
    expect(h.asked()).toBe(2);
  });

  it('asks again for a show missing from a list older than 30 s (a show created since), and refuses it if still missing', async () => {
    const h = harness([shows(1001), shows(1001, 1002), shows(1001, 1002)]);
    await h.check.check('t', 'fp', [1001]);
    expect(await h.check.check('t', 'fp', [1002])).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
    expect(h.asked()).toBe(1);
    h.advance(31_000);
    expect(await h.check.check('t', 'fp', [1002])).toEqual({ ok: true });
    expect(h.asked()).toBe(2);
  });

  it('remembers a refusal for 30 s; 401 → 401, 403 → 403', async () => {
    const h = harness([{ kind: 'refused', status: 401 }, { kind: 'refused', status: 403 }]);
    expect(await h.check.check('t', 'fp', [])).toMatchObject({ ok: false, status: 401, code: 'UNAUTHORIZED' });
    expect(await h.check.check('t', 'fp', [])).toMatchObject({ status: 401 });
    expect(h.asked()).toBe(1);
    h.advance(31_000);
    expect(await h.check.check('t', 'fp', [])).toMatchObject({ ok: false, status: 403 });
  });

  it('serves a list up to an hour old while Qtickets cannot answer; after that, or with none, 503', async () => {
    const h = harness([shows(1001)]);
    expect(await h.check.check('t', 'fp', [1001])).toEqual({ ok: true });
    h.advance(50 * 60_000);
    expect(await h.check.check('t', 'fp', [1001])).toEqual({ ok: true });
    h.advance(11 * 60_000);
    expect(await h.check.check('t', 'fp', [1001])).toMatchObject({ ok: false, status: 503, retryAfterS: 5 });
    expect(await h.check.check('t', 'other', [1001])).toMatchObject({ ok: false, status: 503 });
  });
});

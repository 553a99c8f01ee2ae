// Setting a device up without React: the token first, the picked shows exactly the door's, the
// device named, the venue rejoined; a show that fails is named by its title.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { getToken } from '../db/settings.ts';
import { listShows, saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { getDeviceName } from '../db/venue.ts';
import { packInSlices } from '../domain/ticket-pack.ts';
import { createSetup, findShows, SetupError } from './setup.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

function setUp(failShow?: number) {
  db = freshDb();
  const kicks: number[] = [];
  const rejoins: number[] = [];
  const api = {
    getShowList: async (_token: string, showId: number) =>
      showId === failShow
        ? { ok: false, error: { kind: 'http', status: 404, message: 'Not found' } }
        : { ok: true, value: packInSlices([aListedTicket(`87${showId}0000000`)], 2_000), serverDate: null },
    listAllEvents: async () => ({ ok: false, error: { kind: 'http', status: 401, message: 'Unauthorized' } }),
  } as unknown as QticketsClient;
  const setup = createSetup({ db, api, sync: { kick: () => kicks.push(1) }, rejoinVenue: () => rejoins.push(1) });
  return { setup, kicks, rejoins };
}

describe('setting a device up', () => {
  it('saves the token, downloads, makes exactly the picked shows the door\'s, names the device and rejoins the venue', async () => {
    const { setup, kicks, rejoins } = setUp();
    await saveShows(db, [aShow(9, true)]); // an earlier setup's show stays stored, no longer admitted
    const progress: number[] = [];
    await setup.download({ token: 'tok', shows: [aShow(1), { ...aShow(2), eventName: 'Лебединое озеро' }], deviceName: 'Вход 2' }, (p) => progress.push(p.done));
    expect(await getToken(db)).toBe('tok');
    expect(kicks).toHaveLength(1); // admissions of an earlier setup can go out with the new token
    expect((await listShows(db)).map((s) => [s.id, s.active]).sort()).toEqual([[1, true], [2, true], [9, false]]);
    expect(await getDeviceName(db)).toBe('Вход 2');
    expect(rejoins).toHaveLength(1);
    expect(progress).toEqual([0, 1, 2]);
  });

  it('names the show whose list failed by its title and changes no show\'s ticking', async () => {
    const { setup, rejoins } = setUp(2);
    const failed = await setup.download({ token: 'tok', shows: [aShow(1, false), { ...aShow(2), eventName: 'Лебединое озеро' }] }, () => undefined).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SetupError);
    expect((failed as SetupError).problem).toMatchObject({ kind: 'api', show: 'Лебединое озеро', error: { status: 404 } });
    expect(rejoins).toHaveLength(0);
  });

  it('turns a failed event list into a SetupError, and unknown link shows into one naming their ids', async () => {
    const { setup } = setUp();
    await expect(setup.events('wrong')).rejects.toMatchObject({ problem: { kind: 'api', error: { status: 401 } } });
    const events = [{ id: 7, name: 'Щелкунчик', shows: [{ id: 1, startDate: '2026-12-29T19:00:00+03:00' }] }] as unknown as ApiEvent[];
    expect(() => findShows(events, [1, 404, 405])).toThrow(expect.objectContaining({ problem: { kind: 'shows_not_found', ids: '404, 405' } }));
  });
});

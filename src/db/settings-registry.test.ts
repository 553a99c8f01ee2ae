// @vitest-environment jsdom
// Every setting is read through the registry: a corrupted or foreign value falls back to the
// default instead of crashing a screen, and the browser store survives a blocked localStorage.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KontrolDb } from './database.ts';
import { getConnectivityMode, getRefreshMinutes, setRefreshMinutes } from './device-settings.ts';
import { getEntranceZones } from './entrance.ts';
import { getEntryWindow, updateEntryWindow } from './entry-window.ts';
import { getKioskPin, getKioskSettings, getPinThrottle, getToken } from './settings.ts';
import { readBrowserSetting, readSetting, SETTINGS, writeBrowserSetting } from './settings-registry.ts';
import { freshDb } from './testing.ts';

let db: KontrolDb;
afterEach(async () => {
  await db?.delete();
  localStorage.clear();
});

describe('the settings registry', () => {
  it('falls back to each default when a stored value is corrupted', async () => {
    db = freshDb();
    await db.settings.bulkPut([
      { key: 'refreshMinutes', value: 'soon' },
      { key: 'connectivityMode', value: 'sideways' },
      { key: 'kiosk', value: null },
      { key: 'kioskPin', value: { algorithm: 'MD5', iterations: 1, salt: '', hash: '' } },
      { key: 'kioskPinThrottle', value: { failures: -3 } },
      { key: 'entranceZones', value: 'VIP' },
      { key: 'token', value: 42 },
      { key: 'entryWindow', value: { earlyMinutes: -5, early: 'deny', lateMinutes: 120, late: 'deny' } },
    ]);
    expect(await getRefreshMinutes(db)).toBe(5);
    expect(await getConnectivityMode(db)).toBe('auto');
    expect(await getKioskSettings(db)).toEqual({ enabled: false });
    expect(await getKioskPin(db)).toBeUndefined();
    expect(await getPinThrottle(db)).toEqual({ failures: 0, notBefore: 0 });
    expect(await getEntranceZones(db)).toEqual([]);
    expect(await getToken(db)).toBeUndefined();
    expect(await getEntryWindow(db)).toEqual({ earlyMinutes: 60, early: 'deny', lateMinutes: 120, late: 'deny' });
  });

  it('stores an entry window change and refuses one it could not read back', async () => {
    db = freshDb();
    expect(await updateEntryWindow(db, { earlyMinutes: 240, late: 'warn' })).toBe(true);
    expect(await getEntryWindow(db)).toEqual({ earlyMinutes: 240, early: 'deny', lateMinutes: 120, late: 'warn' });
    expect(await updateEntryWindow(db, { lateMinutes: 1.5 })).toBe(false);
    expect(await updateEntryWindow(db, { earlyMinutes: 24 * 60 + 1 })).toBe(false);
    expect(await getEntryWindow(db)).toEqual({ earlyMinutes: 240, early: 'deny', lateMinutes: 120, late: 'warn' });
  });

  it('reads back what was written', async () => {
    db = freshDb();
    await db.settings.put({ key: 'refreshMinutes', value: 15 });
    expect(await readSetting(db, SETTINGS.refreshMinutes)).toBe(15);
    await db.settings.put({ key: 'refreshMinutes', value: 0 });
    expect(await readSetting(db, SETTINGS.refreshMinutes)).toBe(0);
  });

  it('reads a refresh interval outside 1–60 whole minutes (an older version allowed 0.05) as the default', async () => {
    db = freshDb();
    await db.settings.put({ key: 'refreshMinutes', value: 0.05 });
    expect(await readSetting(db, SETTINGS.refreshMinutes)).toBe(5);
    await expect(setRefreshMinutes(db, 0.1)).rejects.toThrow(RangeError);
    expect(await getRefreshMinutes(db)).toBe(5);
  });

  it('keeps browser settings in localStorage, validated, and survives a blocked storage', () => {
    expect(readBrowserSetting(SETTINGS.locale)).toBe('ru');
    expect(writeBrowserSetting(SETTINGS.locale, 'en')).toBe(true);
    expect(readBrowserSetting(SETTINGS.locale)).toBe('en');
    localStorage.setItem('kontrol.locale', 'de');
    expect(readBrowserSetting(SETTINGS.locale)).toBe('ru');
    localStorage.setItem('kontrol.installDismissedAt', '1765000000000'); // as earlier versions wrote it
    expect(readBrowserSetting(SETTINGS.installDeclinedAt)).toBe(1765000000000);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(readBrowserSetting(SETTINGS.locale)).toBe('ru');
    expect(writeBrowserSetting(SETTINGS.locale, 'en')).toBe(false);
  });
});

import type { HubDevice } from '../../state/venue.ts';
import { QUIET_AFTER_MS, useVenueDevices } from '../../state/venue.ts';
import { useNow } from '../../state/now.ts';
import { useI18n } from '../i18n/context.tsx';

const needsALook = (d: HubDevice, now: number) => now - d.lastSeenAt > QUIET_AFTER_MS || (d.pending ?? 0) > 0 || (d.rejected ?? 0) > 0;

/** Every door of the venue, live: the supervisor sees who went quiet or holds check-ins first. */
export function VenueScreen() {
  const { t, time, n } = useI18n();
  const now = useNow(5_000);
  const devices = [...useVenueDevices()].sort(
    (a, b) => Number(needsALook(b, now)) - Number(needsALook(a, now)) || a.deviceName.localeCompare(b.deviceName, 'ru'),
  );
  return (
    <main className="ops-history" data-testid="venue-screen">
      <h2>{t('venue.title')}</h2>
      <p className="notice">{t('venue.explain')}</p>
      {devices.length === 0 ? (
        <p>{t('venue.none')}</p>
      ) : (
        <ul className="rejected-list">
          {devices.map((d) => {
            const quiet = now - d.lastSeenAt > QUIET_AFTER_MS;
            return (
              <li key={d.deviceId} className="panel" data-testid="venue-device" data-quiet={quiet}>
                <strong>{d.deviceName}</strong> · {quiet ? t('venue.quiet', { time: time(d.lastSeenAt) }) : t('venue.seen', { time: time(d.lastSeenAt) })}
                <div className="notice">
                  {[
                    d.pending !== null ? t('venue.pending', { count: n(d.pending) }) : null,
                    d.rejected !== null ? t('venue.rejected', { count: n(d.rejected) }) : null,
                    d.stored !== null ? t('venue.stored', { count: n(d.stored) }) : null,
                    d.lastPullAt ? t('venue.lastPull', { time: time(d.lastPullAt) }) : null,
                    d.scansLastMinute !== null ? t('venue.pace', { count: n(d.scansLastMinute) }) : null,
                    d.battery !== null ? t('venue.battery', { percent: d.battery }) : null,
                    d.version ? t('venue.version', { version: d.version }) : null,
                  ]
                    .filter((part): part is string => part !== null)
                    .join(' · ')}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

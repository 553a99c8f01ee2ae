import { isQuiet, supervisorOrder } from '../../domain/venue-devices.ts';
import { useShows } from '../../state/door.ts';
import { useNow } from '../../state/now.ts';
import { useDoorNumbers } from '../../state/numbers.ts';
import { useAdmittedByDoor, useDeviceName, useVenueDevices, type DoorCount } from '../../state/venue.ts';
import { ConflictsList } from '../conflicts/ConflictsList.tsx';
import { useI18n } from '../i18n/context.tsx';
import { AdmittedByShow } from '../numbers/AdmittedByShow.tsx';

/**
 * The venue live, for the supervisor: every door (those gone quiet or holding check-ins first),
 * who came in per show and zone across the venue, by which door, and the double entries.
 */
export function VenueScreen() {
  const { t } = useI18n();
  return (
    <main className="history-list" data-testid="venue-screen">
      <h2>{t('venue.title')}</h2>
      <VenueDevices />
      <VenueAdmitted />
      <ConflictsList />
    </main>
  );
}

function VenueDevices() {
  const { t, time, n } = useI18n();
  const now = useNow(5_000);
  const devices = supervisorOrder(useVenueDevices(), now);
  return (
    <section className="panel" aria-labelledby="venue-devices-title">
      <h3 id="venue-devices-title">{t('venue.devices')}</h3>
      <p className="notice">{t('venue.explain')}</p>
      {devices.length === 0 ? (
        <p>{t('venue.none')}</p>
      ) : (
        <ul className="rejected-list">
          {devices.map((d) => {
            const quiet = isQuiet(d, now);
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
    </section>
  );
}

/** Everything this device knows was admitted: its own, what the hub told of the other doors, and Qtickets'. */
function VenueAdmitted() {
  const { t, n } = useI18n();
  const shows = useShows();
  const active = (shows ?? []).filter((s) => s.active);
  const numbers = useDoorNumbers(shows);
  const byDoor = useAdmittedByDoor(active.map((s) => s.id));
  const [ownName] = useDeviceName();
  const doorName = (d: DoorCount) =>
    d.source === 'this_device' ? t('venue.thisDevice', { name: ownName || t('venue.unnamed') }) : d.source === 'server' ? t('venue.qtickets') : d.door || t('venue.unnamed');
  return (
    <section className="panel" aria-labelledby="venue-admitted-title" data-testid="venue-admitted">
      <h3 id="venue-admitted-title">{t('venue.admitted')}</h3>
      <p className="notice">{t('venue.admittedExplain')}</p>
      {numbers && shows ? <AdmittedByShow counts={numbers.shows} shows={shows} /> : <p className="notice">{t('stats.loading')}</p>}
      <h4>{t('venue.byDoor')}</h4>
      {byDoor && byDoor.length === 0 && <p>{t('venue.noneAdmitted')}</p>}
      <ul className="zone-counts">
        {byDoor?.map((d) => (
          <li key={`${d.source}:${d.door ?? ''}`} data-testid="venue-door-count" data-source={d.source}>
            <span>{doorName(d)}</span>
            <span className="stat-count">{n(d.admitted)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

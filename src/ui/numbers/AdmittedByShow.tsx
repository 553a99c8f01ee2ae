import { NO_ZONE, type ShowCount } from '../../domain/stats.ts';
import type { Show } from '../../domain/types.ts';
import { useI18n } from '../i18n/context.tsx';

/** Admitted / expected per show and per zone (the numbers screen, and the venue's on the Площадка screen). */
export function AdmittedByShow({ counts, shows }: { counts: readonly ShowCount[]; shows: readonly Show[] }) {
  const { t, n, dateTime } = useI18n();
  const showById = new Map(shows.map((s) => [s.id, s]));
  return (
    <>
      {counts.map((s) => {
        const show = showById.get(s.showId);
        return (
          <div key={s.showId} data-testid={`stats-show-${s.showId}`}>
            <p className="stat-line">
              <strong>
                {show?.eventName} {show?.startDate ? dateTime(show.startDate) : `#${s.showId}`}
              </strong>
              <span className="stat-count" data-testid="stats-show-count">
                {n(s.admitted)} / {n(s.expected)}
              </span>
            </p>
            <ul className="zone-counts">
              {s.zones.map((z) => (
                <li key={z.zone} data-zone={z.zone}>
                  <span>{z.zone === NO_ZONE ? t('stats.noZone') : z.zone}</span>
                  <span className="stat-count">
                    {n(z.admitted)} / {n(z.expected)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

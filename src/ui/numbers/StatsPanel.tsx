import { DENIAL_KINDS } from '../../domain/stats.ts';
import { useShows } from '../../state/door.ts';
import { useDoorNumbers } from '../../state/numbers.ts';
import { useI18n } from '../i18n/context.tsx';
import { OverrideCounts } from '../supervisor/OverrideCounts.tsx';
import { AdmittedByShow } from './AdmittedByShow.tsx';

/** Admitted / expected per show and zone, the pace, denials by reason, what waits to be sent. */
export function StatsPanel() {
  const { t, n } = useI18n();
  const shows = useShows();
  const numbers = useDoorNumbers(shows);
  if (!numbers || !shows) return <p className="notice">{t('stats.loading')}</p>;
  const peak = Math.max(1, ...numbers.pace);
  return (
    <div className="numbers-panel" data-testid="door-stats">
      <section className="panel">
        <h3>{t('stats.admitted')}</h3>
        <AdmittedByShow counts={numbers.shows} shows={shows} />
      </section>
      <section className="panel">
        <h3>{t('stats.pace')}</h3>
        <ol className="pace-chart" data-testid="stats-pace">
          {numbers.pace.map((count, i) => (
            <li key={i} style={{ height: `${(count / peak) * 100}%` }} title={String(count)} data-count={count}>
              <span className="visually-hidden">{count}</span>
            </li>
          ))}
        </ol>
        <p>{t('stats.paceNow', { count: numbers.pace[numbers.pace.length - 1] ?? 0 })}</p>
      </section>
      <section className="panel">
        <h3>{t('stats.denials')}</h3>
        <ul className="zone-counts" data-testid="stats-denials">
          {DENIAL_KINDS.map((kind) => (
            <li key={kind} data-kind={kind}>
              <span>{t(`verdict.${kind}`)}</span>
              <span className="stat-count">{n(numbers.denials[kind])}</span>
            </li>
          ))}
        </ul>
        <p className="stat-line">
          <span>{t('stats.pending')}</span>
          <span className="stat-count" data-testid="stats-pending">
            {n(numbers.pending)}
          </span>
        </p>
      </section>
      <OverrideCounts overrides={numbers.overrides} />
    </div>
  );
}

import { OVERRIDE_REASONS, type OverrideMark } from '../../domain/supervisor.ts';
import { useI18n } from '../i18n/context.tsx';

/** On the numbers screen: how many the supervisor let in after a denial, by reason (they are not among the denials). */
export function OverrideCounts({ overrides }: { overrides: readonly OverrideMark[] }) {
  const { t, n } = useI18n();
  const by = (reason: OverrideMark['reason']) => overrides.filter((o) => o.reason === reason).length;
  return (
    <section className="panel">
      <h3>{t('stats.overrides')}</h3>
      {overrides.length === 0 ? (
        <p data-testid="stats-overrides-none">{t('stats.overrides.none')}</p>
      ) : (
        <ul className="zone-counts" data-testid="stats-overrides">
          {OVERRIDE_REASONS.filter((r) => by(r) > 0).map((reason) => (
            <li key={reason} data-reason={reason}>
              <span>{t(`override.reason.${reason}`)}</span>
              <span className="stat-count">{n(by(reason))}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { OverrideMark } from '../../domain/supervisor.ts';
import { useI18n, type I18n } from '../i18n/context.tsx';

/** "Решение старшего — с артистом": the reason from the list, then the supervisor's own words. */
export function overrideReasonText(t: I18n['t'], mark: OverrideMark): string {
  const reason = t(`override.reason.${mark.reason}`);
  return mark.text ? `${reason} — ${mark.text}` : reason;
}

/** The verdict panel's line for an admission a supervisor decided, and whether Qtickets hears of it. */
export function OverrideLine({ mark }: { mark: OverrideMark }) {
  const { t } = useI18n();
  return (
    <p className="verdict-warning" data-testid="verdict-override" data-delivery={mark.delivery}>
      {t('verdict.override', { reason: overrideReasonText(t, mark) })}
      {mark.delivery === 'local' && <> ({t('history.override.local')})</>}
    </p>
  );
}

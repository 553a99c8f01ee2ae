import { useClockEstimate } from '../../state/network.ts';
import { useI18n } from '../i18n/context.tsx';

/** Shown only when the device clock is off by more than the allowed skew and check-ins are corrected. */
export function ClockWarning() {
  const { t } = useI18n();
  const { skewMs, correctionMs } = useClockEstimate();
  if (correctionMs === 0 || skewMs === null) return null;
  // Positive skew: the server is ahead, so the device clock is behind.
  const direction = skewMs > 0 ? t('clock.behind') : t('clock.ahead');
  return (
    <p className="clock-note error" role="alert" data-testid="clock-warning">
      {t('clock.warn', { direction, minutes: Math.round(Math.abs(skewMs) / 60_000) })}
    </p>
  );
}

import { useState } from 'react';
import { parseRefreshMinutes, REFRESH_MAX_MINUTES, REFRESH_MIN_MINUTES, REFRESH_OFF } from '../../domain/refresh-interval.ts';
import { usePeriodicRefresh } from '../../state/network.ts';
import { useI18n } from '../i18n/context.tsx';
import { AutoRefreshStatus } from './AutoRefreshStatus.tsx';

const DEFAULT_ON_MINUTES = 5;

/**
 * The periodic list pull: on (every 1–60 whole minutes) or off, each a choice the person makes.
 * A value out of bounds is refused with the reason and the stored one stays; emptying the field
 * no longer turns the pull off behind the person's back.
 */
export function RefreshEvery() {
  const { t } = useI18n();
  const { minutes, setMinutes, runNow, running } = usePeriodicRefresh();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  if (minutes === undefined) return null;
  const on = minutes !== REFRESH_OFF;
  const bounds = { min: REFRESH_MIN_MINUTES, max: REFRESH_MAX_MINUTES };
  const commit = () => {
    if (draft === null) return;
    const value = parseRefreshMinutes(draft);
    setInvalid(value === null);
    if (value === null) return;
    void setMinutes(value);
    setDraft(null);
  };
  const turn = (next: boolean) => {
    setInvalid(false);
    setDraft(null);
    void setMinutes(next ? (parseRefreshMinutes(draft ?? '') ?? DEFAULT_ON_MINUTES) : REFRESH_OFF);
  };
  return (
    <div className="refresh-every">
      <label className="choice">
        <input type="checkbox" checked={on} onChange={(e) => turn(e.target.checked)} data-testid="refresh-auto" />
        {t('refresh.auto.on')}
      </label>
      {on ? (
        <>
          <label htmlFor="refresh-every-minutes">{t('refresh.every', bounds)}</label>
          <div className="manual-row">
            <input
              id="refresh-every-minutes"
              data-testid="refresh-minutes"
              inputMode="numeric"
              aria-invalid={invalid}
              aria-describedby={invalid ? 'refresh-every-invalid' : undefined}
              value={draft ?? String(minutes)}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => e.key === 'Enter' && commit()}
            />
            <button type="button" onClick={() => void runNow()} disabled={running}>
              {t('refresh')}
            </button>
          </div>
          {invalid && (
            <p className="error" role="alert" id="refresh-every-invalid" data-testid="refresh-minutes-error">
              {t('refresh.every.invalid', { ...bounds, minutes })}
            </p>
          )}
        </>
      ) : (
        <div className="manual-row">
          <p className="notice" data-testid="refresh-off">
            {t('refresh.auto.offNote')}
          </p>
          <button type="button" onClick={() => void runNow()} disabled={running}>
            {t('refresh')}
          </button>
        </div>
      )}
      <AutoRefreshStatus />
    </div>
  );
}

import { useState } from 'react';
import type { Show, ShowId } from '../domain/types.ts';
import { useKioskMode } from '../state/kiosk.ts';
import { useI18n } from './i18n/context.tsx';
import { ForgetShow } from './shows/ForgetShow.tsx';

interface Props {
  shows: Show[];
  onToggle: (id: ShowId, active: boolean) => void;
}

/**
 * Which stored shows this door admits (a ticket of an unticked one is "wrong date"), and removing
 * a show from the device, so a festival's past days do not keep their lists and buyers' names.
 */
export function ShowsPanel({ shows, onToggle }: Props) {
  const { t, dateTime } = useI18n();
  // The scan screen hides this panel in a locked kiosk already; removal must never be one tap
  // away from a guest even if the panel is shown elsewhere one day.
  const kiosk = useKioskMode();
  const [confirming, setConfirming] = useState<ShowId | null>(null);
  const [removed, setRemoved] = useState<{ name: string; discarded: number } | null>(null);
  const nameOf = (show: Show) => `${show.eventName} — ${show.startDate ? dateTime(show.startDate) : `#${show.id}`}`;
  return (
    <fieldset className="panel" data-testid="shows-panel">
      <legend>{t('shows.title')}</legend>
      <ul className="show-list">
        {shows.map((show) => (
          <li key={show.id} data-testid={`show-${show.id}`}>
            <label>
              <input type="checkbox" checked={show.active} onChange={(e) => onToggle(show.id, e.target.checked)} data-testid={`show-active-${show.id}`} />
              <span>
                <strong>{show.eventName}</strong> — {show.startDate ? dateTime(show.startDate) : `#${show.id}`}
                {show.pulledAt && <small> · {t('shows.pulledAt', { time: dateTime(show.pulledAt) })}</small>}
              </span>
            </label>
            {!kiosk.locked &&
              (confirming === show.id ? (
                <ForgetShow
                  showId={show.id}
                  name={nameOf(show)}
                  last={shows.length === 1}
                  onCancel={() => setConfirming(null)}
                  onRemoved={(discarded) => {
                    setConfirming(null);
                    setRemoved({ name: nameOf(show), discarded });
                  }}
                />
              ) : (
                <button
                  type="button"
                  aria-label={t('shows.forget.named', { show: nameOf(show) })}
                  data-testid={`forget-show-${show.id}`}
                  onClick={() => {
                    setRemoved(null);
                    setConfirming(show.id);
                  }}
                >
                  {t('shows.forget')}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {removed && (
        <p role="status" data-testid="show-removed">
          {removed.discarded > 0 ? t('shows.forget.doneDiscarded', { show: removed.name, count: removed.discarded }) : t('shows.forget.done', { show: removed.name })}
        </p>
      )}
    </fieldset>
  );
}

import type { Show, ShowId } from '../domain/types.ts';
import { useI18n } from './i18n/context.tsx';

interface Props {
  shows: Show[];
  onToggle: (id: ShowId, active: boolean) => void;
}

/** Which stored shows this door admits; a ticket of an unticked one is "wrong date". */
export function ShowsPanel({ shows, onToggle }: Props) {
  const { t, dateTime } = useI18n();
  return (
    <fieldset className="panel">
      <legend>{t('shows.title')}</legend>
      <ul className="show-list">
        {shows.map((show) => (
          <li key={show.id}>
            <label>
              <input type="checkbox" checked={show.active} onChange={(e) => onToggle(show.id, e.target.checked)} data-testid={`show-active-${show.id}`} />
              <span>
                <strong>{show.eventName}</strong> — {show.startDate ? dateTime(show.startDate) : `#${show.id}`}
                {show.pulledAt && <small> · {t('shows.pulledAt', { time: dateTime(show.pulledAt) })}</small>}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

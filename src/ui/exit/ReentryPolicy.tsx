// Per show: may a person who went out through an exit come back in? Off by default (as before
// exits existed): a second entry stays "Уже прошёл".
import { useShows } from '../../state/door.ts';
import { useReentryShows } from '../../state/presence.ts';
import { useI18n } from '../i18n/context.tsx';

export function ReentryPolicy() {
  const { t, dateTime } = useI18n();
  const shows = useShows();
  const [allowed, setReentry] = useReentryShows();
  if (!shows || !allowed || shows.length === 0) return null;
  return (
    <section className="panel" data-testid="reentry-policy">
      <h3>{t('reentry.title')}</h3>
      <p className="hint">{t('reentry.hint')}</p>
      {shows.map((s) => {
        const named = s.startDate ? `${s.eventName}, ${dateTime(s.startDate)}` : s.eventName;
        return (
          <label key={s.id} className="check">
            <input type="checkbox" data-testid={`reentry-${s.id}`} checked={allowed.includes(s.id)} onChange={(e) => void setReentry(s.id, e.target.checked)} />
            {t('reentry.allow', { show: named })}
          </label>
        );
      })}
    </section>
  );
}

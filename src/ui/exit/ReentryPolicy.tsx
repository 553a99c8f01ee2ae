// Per show: may a person who went out through an exit come back in? Off by default (as before
// exits existed): a second entry stays "Уже прошёл".
import { useState } from 'react';
import { useShows } from '../../state/door.ts';
import { useReentryShows } from '../../state/presence.ts';
import { useI18n } from '../i18n/context.tsx';

export function ReentryPolicy() {
  const { t, dateTime } = useI18n();
  const shows = useShows();
  const [allowed, setReentry] = useReentryShows();
  // The tick shows at once; the stored choice (a live query, a few ms later) then agrees with it.
  const [ticked, setTicked] = useState<ReadonlyMap<number, boolean>>(new Map());
  const [seen, setSeen] = useState(allowed);
  if (seen !== allowed) {
    setSeen(allowed);
    setTicked(new Map());
  }
  if (!shows || !allowed || shows.length === 0) return null;
  return (
    <section className="panel" data-testid="reentry-policy">
      <h3>{t('reentry.title')}</h3>
      <p className="hint">{t('reentry.hint')}</p>
      {shows.map((s) => {
        const named = s.startDate ? `${s.eventName}, ${dateTime(s.startDate)}` : s.eventName;
        const checked = ticked.get(s.id) ?? allowed.includes(s.id);
        return (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              data-testid={`reentry-${s.id}`}
              checked={checked}
              onChange={(e) => {
                setTicked(new Map(ticked).set(s.id, e.target.checked));
                void setReentry(s.id, e.target.checked);
              }}
            />
            {t('reentry.allow', { show: named })}
          </label>
        );
      })}
    </section>
  );
}

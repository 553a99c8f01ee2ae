import type { ReactNode } from 'react';
import { isShowOver } from '../../domain/door-day.ts';
import type { useEvents } from '../../state/setup-queries.tsx';
import { useI18n } from '../i18n/context.tsx';

/** The token's events as setup lists them. */
type Events = NonNullable<ReturnType<typeof useEvents>['data']>;

export interface OverShow {
  id: number;
  name: string;
}

/** Which of these shows (ids among the events) are over for a door today, named by title and date. */
export function useOverShows(events: Events | undefined, ids: Iterable<number>, now: number): OverShow[] {
  const { dateTime } = useI18n();
  const wanted = new Set(ids);
  const over: OverShow[] = [];
  for (const event of events ?? []) {
    for (const show of event.shows) {
      if (!wanted.has(show.id) || !isShowOver(show, new Date(now))) continue;
      over.push({ id: show.id, name: [event.name, show.name, show.startDate ? dateTime(show.startDate) : null].filter(Boolean).join(', ') });
    }
  }
  return over;
}

/**
 * Said before a show that is over is downloaded and admitted: last month's date picked by mistake
 * would let this month's guests be turned away as "another date", or old tickets in. The person
 * confirms (children: a tick or a button) or picks another show.
 */
export function OverShowsWarning({ shows, children }: { shows: OverShow[]; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="warning" role="alert" data-testid="over-warning">
      <p>{t('setup.over', { shows: shows.map((s) => `«${s.name}»`).join('; ') })}</p>
      {children}
    </div>
  );
}

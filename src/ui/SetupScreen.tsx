import { useNow } from '../state/now.ts';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useToken } from '../state/door.ts';
import { pickShows, resolveLinkShows, SetupError, type SetupLink, type SetupLinkProblem, type SetupProblem } from '../state/setup.ts';
import { useDownload, useEvents } from '../state/setup-queries.tsx';
import { describeShowError } from './errors/describe.ts';
import { OverShowsWarning, useOverShows } from './shows/OverShowsWarning.tsx';
import type { I18n } from './i18n/context.tsx';
import { useI18n } from './i18n/context.tsx';

interface Props {
  /** Parsed from a setup link before the token was wiped from the address bar. */
  link: SetupLink | SetupLinkProblem | null;
  onDone: () => void;
}

export function SetupScreen({ link: given, onDone }: Props) {
  // A link that cannot be used is said why, and the screen works by hand as without a link.
  const link = typeof given === 'object' ? given : null;
  const linkProblem = typeof given === 'string' ? given : null;
  const { t, plural, dateTime } = useI18n();
  const [draft, setDraft] = useState(link ? link.token : '');
  const [typed, setTyped] = useState<string | null>(link ? link.token : null);
  // A device that already has a token (adding a show, or its last show was removed) lists the
  // events with it at once; typing another token and checking it replaces it.
  const stored = useToken();
  const storedToken = !link && typed === null && typeof stored === 'string' ? stored : null;
  const token = typed ?? storedToken;
  const [eventId, setEventId] = useState<number | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());

  const events = useEvents(token);
  const download = useDownload();
  const linkStarted = useRef(false);
  const wordsFor = (error: Error) => (error instanceof SetupError ? describeSetupProblem(t, error.problem) : error.message);

  // The one-step setup link: as soon as the events are in, find the shows and download.
  const linked = useMemo(() => {
    if (!link || !events.data) return null;
    try {
      return { shows: resolveLinkShows(events.data, link), problem: null };
    } catch (error) {
      if (error instanceof SetupError) return { shows: null, problem: error.problem };
      throw error;
    }
  }, [link, events.data]);
  const linkError = linked?.problem ? describeSetupProblem(t, linked.problem) : null;
  const now = useNow(60_000);
  // A link naming a show that is over waits for the person to confirm it.
  const linkOver = useOverShows(events.data, linked?.shows?.map((s) => s.id) ?? [], now);
  const [linkOverConfirmed, setLinkOverConfirmed] = useState(false);
  const linkHeld = linkOver.length > 0 && !linkOverConfirmed;
  useEffect(() => {
    if (!link || linkStarted.current || !linked?.shows || linkHeld) return;
    linkStarted.current = true;
    download.mutate({ token: link.token, shows: linked.shows, ...(link.name ? { deviceName: link.name } : {}) }, { onSuccess: onDone });
  }, [link, linked, linkHeld, download, onDone]);

  const event = events.data?.find((e) => e.id === eventId);
  const check = (e: FormEvent) => {
    e.preventDefault();
    setEventId(null);
    setPicked(new Set());
    setTyped(draft.trim() || null);
  };
  const start = () => {
    if (!event || !token) return;
    download.mutate({ token, shows: pickShows(event, [...picked]) }, { onSuccess: onDone });
  };
  const togglePicked = (id: number, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
    setOverConfirmed(false);
  };
  const pickedOver = useOverShows(event ? [event] : undefined, picked, now);
  const [overConfirmed, setOverConfirmed] = useState(false);

  return (
    <main className="setup">
      <h1>{t('setup.title')}</h1>
      {linkProblem && (
        <p role="alert" className="error" data-testid="setup-link-problem">
          {t(linkProblem === 'incomplete' ? 'setup.linkBad' : linkProblem === 'kiosk_pin_missing' ? 'setup.link.pinMissing' : 'setup.link.pinBad')}
        </p>
      )}
      <form onSubmit={check} className="panel">
        <label htmlFor="token">{t('setup.token')}</label>
        <input id="token" type="password" autoComplete="off" spellCheck={false} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="token" />
        <p className="hint">{t('setup.token.hint')}</p>
        {storedToken && <p className="hint" data-testid="token-stored">{t('setup.token.stored')}</p>}
        <button type="submit" disabled={!draft.trim() || events.isFetching}>
          {events.isFetching ? t('setup.checking') : t('setup.check')}
        </button>
      </form>
      {events.isError && <p role="alert" className="error">{wordsFor(events.error)}</p>}
      {linkError && <p role="alert" className="error">{linkError}</p>}
      {linkHeld && (
        <OverShowsWarning shows={linkOver}>
          <button type="button" onClick={() => setLinkOverConfirmed(true)} data-testid="over-continue">
            {t('setup.over.continue')}
          </button>
        </OverShowsWarning>
      )}
      {events.data && events.data.length === 0 && <p role="status">{t('setup.noEvents')}</p>}
      {events.data && events.data.length > 0 && (!link || linkError) && (
        <fieldset className="panel">
          <legend>{t('setup.events')}</legend>
          {events.data.map((e) => (
            <label key={e.id} className="choice">
              <input type="radio" name="event" checked={e.id === eventId} onChange={() => { setEventId(e.id); setPicked(new Set()); }} />
              <span>{e.name}{e.placeName ? ` · ${e.placeName}` : ''}</span>
            </label>
          ))}
        </fieldset>
      )}
      {event && (
        <fieldset className="panel">
          <legend>{t('setup.shows')}</legend>
          {event.shows.map((s) => (
            <label key={s.id} className="choice">
              <input type="checkbox" checked={picked.has(s.id)} onChange={(e) => togglePicked(s.id, e.target.checked)} data-testid={`pick-show-${s.id}`} />
              <span>
                {s.startDate ? dateTime(s.startDate) : `#${s.id}`}
                {s.name ? ` · ${s.name}` : ''}
                {s.finishDate && Date.parse(s.finishDate) < now ? ` · ${t('setup.past')}` : ''}
              </span>
            </label>
          ))}
          {pickedOver.length > 0 && (
            <OverShowsWarning shows={pickedOver}>
              <label className="choice">
                <input type="checkbox" checked={overConfirmed} onChange={(e) => setOverConfirmed(e.target.checked)} data-testid="over-confirm" />
                {t('setup.over.confirm')}
              </label>
            </OverShowsWarning>
          )}
          <button type="button" onClick={start} disabled={picked.size === 0 || download.isPending || (pickedOver.length > 0 && !overConfirmed)} data-testid="download">
            {t('setup.download')}
          </button>
        </fieldset>
      )}
      {download.isPending && download.progress && (
        <p role="status">
          <progress max={download.progress.total} value={download.progress.done} /> {t('setup.downloading', { done: download.progress.done, total: download.progress.total })}
        </p>
      )}
      {download.progress?.last?.ok && (
        <p role="status">{t('setup.downloadedShow', { show: download.variables?.shows.find((s) => s.id === download.progress?.last?.showId)?.eventName ?? '', tickets: plural('tickets', download.progress.last.result.listed) })}</p>
      )}
      {download.isError && <p role="alert" className="error">{wordsFor(download.error)}</p>}
    </main>
  );
}

function describeSetupProblem(t: I18n['t'], problem: SetupProblem): string {
  return problem.kind === 'shows_not_found' ? t('setup.showNotFound', { ids: problem.ids }) : describeShowError(t, problem.show, problem.error);
}

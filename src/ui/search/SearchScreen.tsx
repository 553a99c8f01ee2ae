import { useMemo, useState } from 'react';
import type { Ticket } from '../../domain/types.ts';
import { useScan, useShows } from '../../state/door.ts';
import { useAdmissionsOf, useTicketSearch } from '../../state/lists.ts';
import { useI18n } from '../i18n/context.tsx';
import { VerdictPanel } from '../VerdictPanel.tsx';
import { TicketLine } from './TicketLine.tsx';

/** Finding a guest without a readable ticket, on the device; admitting needs a second tap. */
export function SearchScreen() {
  const { t, plural, time } = useI18n();
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<Ticket | null>(null);
  const { hits, ready, tookMs, total } = useTicketSearch(query);
  // Marked in the list, so staff see a used ticket before they tap "admit", not after.
  const admissions = useAdmissionsOf(hits.map((h) => h.ticket));
  const { feedback, submit } = useScan();
  const shows = useShows();
  const showById = useMemo(() => new Map((shows ?? []).map((s) => [s.id, s])), [shows]);
  const searching = query.trim().length >= 2;

  const admit = (ticket: Ticket) => {
    setConfirming(null);
    void submit(ticket.code, 'search');
  };

  return (
    <main className="search-box">
      <h2>{t('search.title')}</h2>
      {feedback?.kind === 'verdict' && <VerdictPanel shown={{ verdict: feedback.verdict, scanId: feedback.scanId }} />}
      {feedback?.kind === 'error' && (
        <p className="error" role="alert">
          {t('scan.error', { message: feedback.message })}
        </p>
      )}
      <label htmlFor="search-field">{t('search.label')}</label>
      <input
        id="search-field"
        type="search"
        data-testid="search-input"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setConfirming(null);
        }}
      />
      <p className="hint">
        <span data-testid="search-count">
          {!ready
            ? t('search.loading')
            : !searching
              ? t('search.hint')
              : total > hits.length
                ? t('search.countFirst', { shown: hits.length, ticketsOf: plural('ticketsOf', total) })
                : t('search.count', { tickets: plural('tickets', total) })}
        </span>
        {ready && searching && tookMs !== null && <small> · {t('search.took', { ms: tookMs.toFixed(1) })}</small>}
      </p>
      {ready && searching && hits.length === 0 && <p>{t('search.empty')}</p>}
      <ul className="result-list">
        {hits.map(({ ticket }, i) => {
          const admitted = admissions?.[i];
          return (
            <li key={`${ticket.showId}:${ticket.code}`} data-testid="search-result" data-barcode={ticket.code} data-admitted={admitted ? 'true' : 'false'}>
              <TicketLine ticket={ticket} show={showById.get(ticket.showId)} />
              <code>{ticket.code}</code>
              {admitted && <span className="verdict-tag verdict-tag--already_checked">{t('search.usedAt', { time: time(admitted.checkedAt) })}</span>}
              {ticket.revoked === 1 && <span className="verdict-tag verdict-tag--deny">{t('search.revoked')}</span>}
              {confirming === ticket ? (
                <div className="confirm-box" role="group" aria-label={t('search.confirm')}>
                  <span>{t('search.confirm')}</span>
                  <button type="button" className="btn-primary" onClick={() => admit(ticket)}>
                    {t('search.confirm.yes')}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('search.confirm.no')}
                  </button>
                </div>
              ) : (
                <button type="button" onClick={() => setConfirming(ticket)}>
                  {t('search.admit')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </main>
  );
}

import { useMemo, useState } from 'react';
import type { ScanRecord } from '../../domain/types.ts';
import { useShows } from '../../state/door.ts';
import { useHistory, useUndo, type HistoryEntry } from '../../state/history.ts';
import { useI18n } from '../i18n/context.tsx';
import { useHistoryCsvDownload } from './useHistoryCsvDownload.ts';
import { TicketLine } from '../search/TicketLine.tsx';
import { HistoryDecisions } from '../supervisor/HistoryDecisions.tsx';
import { useSupervisorAsk } from '../supervisor/useSupervisorAsk.tsx';

type Notice = { kind: 'status' | 'alert'; text: string } | null;

/** Every scan, denied ones too; undo of an admission still waiting to be sent; CSV export. */
export function HistoryScreen() {
  const { t, time } = useI18n();
  const entries = useHistory();
  const shows = useShows();
  const undo = useUndo();
  const exportCsv = useHistoryCsvDownload();
  // Undo is the supervisor's: a steward is asked the PIN first.
  const supervisor = useSupervisorAsk();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const showById = useMemo(() => new Map((shows ?? []).map((s) => [s.id, s])), [shows]);

  const runUndo = async (scan: ScanRecord) => {
    setConfirming(null);
    const outcome = await undo(scan.id).catch(() => null);
    if (outcome?.ok) setNotice({ kind: 'status', text: t('history.undo.done', { code: scan.code }) });
    else if (outcome?.reason === 'delivered') setNotice({ kind: 'alert', text: t('history.undo.delivered', { code: scan.code }) });
    else if (outcome?.reason === 'rejected') setNotice({ kind: 'alert', text: t('history.undo.rejected', { code: scan.code }) });
    else setNotice({ kind: 'alert', text: t('history.undo.failed', { code: scan.code }) });
  };

  const undoControl = ({ scan, delivery }: HistoryEntry) => {
    if ((scan.verdict !== 'valid' && !scan.override) || !scan.checkInId || scan.undoneAt) return null;
    if (delivery === 'delivered' || delivery === 'rejected') {
      // No "undo" button where it could not undo: said in place what it means instead.
      return (
        <small className="undo-note" data-testid="undo-unavailable">
          {t(delivery === 'delivered' ? 'history.undo.notHere.delivered' : 'history.undo.notHere.rejected')}
        </small>
      );
    }
    if (confirming === scan.id) {
      return (
        <div className="confirm-box" role="group" aria-label={t('history.undo')}>
          <span>{t('history.undo.confirm', { code: scan.code })}</span>
          <button type="button" className="btn-primary" onClick={() => supervisor.ask(() => void runUndo(scan))}>
            {t('history.undo')}
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            {t('search.confirm.no')}
          </button>
        </div>
      );
    }
    return (
      <button type="button" onClick={() => setConfirming(scan.id)}>
        {t('history.undo')}
      </button>
    );
  };

  return (
    <main className="history-list">
      <div className="toolbar">
        <h2>{t('history.title')}</h2>
        <button type="button" data-testid="history-export" onClick={() => void exportCsv()}>
          {t('history.export')}
        </button>
      </div>
      {notice && (
        <p className={notice.kind === 'alert' ? 'error' : 'notice'} role={notice.kind} data-testid="history-notice">
          {notice.text}
        </p>
      )}
      {supervisor.gate}
      {entries && entries.length === 0 && <p>{t('history.empty')}</p>}
      <ul className="result-list">
        {entries?.map((entry) => {
          const { scan, ticket, delivery } = entry;
          const stamped = scan.at + (scan.clockOffsetMs ?? 0);
          return (
            <li
              key={scan.id}
              data-testid="history-row"
              data-barcode={scan.code}
              data-verdict={scan.verdict}
              data-source={scan.source}
              data-warning={scan.warning}
              data-undone={scan.undoneAt ? 'true' : undefined}
              data-override={scan.override?.reason}
              className={scan.undoneAt ? 'row-undone' : undefined}
            >
              <span className="row-time">
                {time(stamped)}
                {scan.clockOffsetMs ? <small> ({t('history.deviceTime', { time: time(scan.at) })})</small> : null}
              </span>
              <span className={`verdict-tag verdict-tag--${scan.verdict}`}>{t(`verdict.${scan.verdict}`)}</span>
              {scan.warning && <span className={`verdict-tag verdict-tag--${scan.warning}`}>{t(`history.warning.${scan.warning}`)}</span>}
              <HistoryDecisions scan={scan} />
              <span>{t(`source.${scan.source}`)}</span>
              <code>{scan.code}</code>
              {ticket && <TicketLine ticket={ticket} show={showById.get(ticket.showId)} />}
              {delivery && <small>{t(`history.delivery.${delivery}`)}</small>}
              {scan.undoneAt && <small>{t('history.undone', { time: time(scan.undoneAt) })}</small>}
              {undoControl(entry)}
            </li>
          );
        })}
      </ul>
    </main>
  );
}

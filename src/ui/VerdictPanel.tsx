import { useLayoutEffect, useRef } from 'react';
import type { Ticket, Verdict } from '../domain/types.ts';
import { agoText } from './already-checked/ago.ts';
import { windowMoment } from './entry-window/moment.ts';
import { useI18n, type I18n } from './i18n/context.tsx';
import { OverrideLine } from './supervisor/OverrideLine.tsx';
import { VerdictIcon } from './VerdictIcon.tsx';

export interface ShownVerdict {
  verdict: Verdict;
  /** Increments per scan: the same verdict twice is still two scans. */
  scanId: number;
}

function holder(t: Ticket): string {
  return [t.clientSurname, t.clientName, t.clientMiddlename].filter(Boolean).join(' ');
}

/** How the panel shows a ticket at this door (state/verdict-view.ts). */
export interface TicketView {
  /** The entrance admits several categories (zones): the ticket's is a badge the queue can read. */
  categories: boolean;
  /** The buyer's name is shown (a privacy setting). */
  buyerName: boolean;
}

const DEFAULT_VIEW: TicketView = { categories: false, buyerName: true };

/** Zone and seat large, read from a step away; the category as a badge where several come through one door. */
function TicketDetails({ ticket, view }: { ticket: Ticket; view: TicketView }) {
  const { t } = useI18n();
  const category = view.categories ? ticket.zoneName?.trim() || null : null;
  // The badge already names the zone: the seat line then says only where in it.
  const zone = category ? null : ticket.zoneName;
  const seat = ticket.admission
    ? [category ? null : (ticket.zoneName ?? ticket.seatName), t('ticket.admission')]
    : ticket.row || ticket.place
      ? [zone, ticket.row && t('ticket.row', { row: ticket.row }), ticket.place && t('ticket.place', { place: ticket.place })]
      : [ticket.seatName ?? zone];
  const name = view.buyerName ? holder(ticket) : '';
  const seatText = seat.filter(Boolean).join(', ');
  return (
    <>
      {category && (
        <p className="verdict-badge" data-testid="verdict-category" data-vip={String(/\bvip\b/i.test(category))}>
          {category}
        </p>
      )}
      {seatText && (
        <p className="verdict-seat" data-testid="verdict-seat">
          {seatText}
        </p>
      )}
      {name && (
        <p className="verdict-ticket verdict-holder" data-testid="verdict-holder">
          {name}
        </p>
      )}
    </>
  );
}

/** With a margin: a big word's letters reach past its line box (line-height 1.05), so a heading flush with the edge is cut. */
const inView = (el: Element) => {
  const r = el.getBoundingClientRect();
  const pad = r.height * 0.2;
  return r.top >= pad && r.left >= 0 && r.bottom <= window.innerHeight - pad && r.right <= window.innerWidth;
};

/**
 * Each new verdict's word in view, wherever the page was scrolled (staff scrolled down to the
 * shows or the refused list, a scanner's Space used to scroll): the guest is waiting on it.
 * A verdict already in view is left where it is, so nothing moves under the reader's eyes.
 */
function useWordInView(scanId: number | null) {
  const section = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const word = section.current?.querySelector('.verdict-word');
    if (scanId === null || !section.current || !word || inView(word)) return;
    section.current.scrollIntoView({ block: 'start', behavior: 'instant' });
    if (!inView(word)) word.scrollIntoView({ block: 'center', behavior: 'instant' });
  }, [scanId]);
  return section;
}

/** What the server said of a code on no list (late sales), or how old the lists are when it could not be asked. */
function unknownDetail(v: Extract<Verdict, { kind: 'unknown' }>, t: I18n['t'], time: I18n['time']): string {
  switch (v.server) {
    case 'checking':
      return t('verdict.unknown.checking');
    case 'absent':
      return t('verdict.unknown.absent');
    case 'unreachable':
      return v.listFrom ? t('verdict.unknown.unreachable', { time: time(v.listFrom) }) : t('verdict.unknown.unreachableNoList');
    case 'offline':
      return v.listFrom ? t('verdict.unknown.offline', { time: time(v.listFrom) }) : t('verdict.unknown.detail');
    default:
      return t('verdict.unknown.detail');
  }
}

interface Props {
  shown: ShownVerdict | null;
  /** Category badge and buyer's name; absent: no badge, the name shown. */
  view?: TicketView;
  /** No show is ticked: "ready" would be a lie, since every ticket would be refused. */
  nothingAdmitted?: boolean;
}

export function VerdictPanel({ shown, nothingAdmitted = false, view = DEFAULT_VIEW }: Props) {
  const { t, time, timeSeconds, dateTime } = useI18n();
  const sectionRef = useWordInView(shown?.scanId ?? null);
  if (!shown) {
    return (
      <section className={`verdict verdict--idle${nothingAdmitted ? ' verdict--no-show' : ''}`} data-testid="verdict-idle" data-idle={nothingAdmitted ? 'no-show' : 'ready'} aria-live="polite">
        <VerdictIcon kind="idle" />
        <h2 className="verdict-word">{nothingAdmitted ? t('verdict.idle.noShow') : t('verdict.idle')}</h2>
        {nothingAdmitted ? (
          <p className="verdict-detail" role="alert">
            {t('verdict.idle.noShow.detail')}
          </p>
        ) : (
          <p className="verdict-detail">{t('verdict.idle.detail')}</p>
        )}
      </section>
    );
  }
  const v = shown.verdict;
  const notRecorded = v.kind === 'valid' && !v.recorded;
  // An exit or a re-entry the device could not store: the verdict stands, the record must be kept by hand.
  const movementLost = (v.kind === 'exit' || v.kind === 'reentry') && !v.recorded;
  // Let in outside the show's window by the door's policy: still an admission, said on the panel.
  const warning = v.kind === 'valid' ? v.warning : undefined;
  // A ticket of a stored show this device does not admit: unticked here is not "another date".
  const notSelected = v.kind === 'wrong_show' && !v.show.active;
  const word = notRecorded ? t('verdict.notRecorded') : notSelected ? t('verdict.wrong_show.notSelected') : t(`verdict.${v.kind}`);
  let detail: string;
  switch (v.kind) {
    case 'valid':
      detail = v.recorded ? t('verdict.valid.detail') : t('verdict.notRecorded.detail');
      break;
    case 'already_checked':
      if (v.agoMinutes !== undefined) {
        // How long ago and where, first: "12 мин назад (19:03), Вход 2".
        const where = v.source === 'venue' ? (v.door ?? '') : t(v.source === 'this_device' ? 'checked.where.device' : 'checked.where.server');
        detail = t('checked.line', { ago: agoText(t, v.agoMinutes), time: v.source === 'venue' ? timeSeconds(v.checkedAt) : time(v.checkedAt), where });
      } else {
        detail =
          v.source === 'venue'
            ? t('verdict.already_checked.venue', { time: timeSeconds(v.checkedAt), door: v.door ?? '' })
            : t(v.source === 'this_device' ? 'verdict.already_checked.device' : 'verdict.already_checked.server', { time: time(v.checkedAt) });
      }
      break;
    case 'wrong_show': {
      const named = v.show.startDate ? `${v.show.eventName}, ${dateTime(v.show.startDate)}` : v.show.eventName;
      detail = notSelected
        ? t('verdict.wrong_show.notSelected.detail', { show: named })
        : t('verdict.wrong_show.detail', { show: v.show.startDate ? dateTime(v.show.startDate) : v.show.eventName });
      break;
    }
    case 'wrong_zone':
      detail = v.ticket.zoneName
        ? t('verdict.wrong_zone.detail', { zone: v.ticket.zoneName })
        : t('verdict.wrong_zone.noZone', { entrance: v.entrance.join(', ') });
      break;
    case 'unknown':
      detail = unknownDetail(v, t, time);
      break;
    case 'too_early':
      detail = t('verdict.too_early.detail', { from: windowMoment(t, v.from, v.sameDay) });
      break;
    case 'show_over':
      detail = t('verdict.show_over.detail', { until: windowMoment(t, v.until, v.sameDay) });
      break;
    case 'reentry':
      detail = t('verdict.reentry.detail', { time: time(v.leftAt) });
      break;
    case 'exit':
      detail = t(v.reentry ? 'verdict.exit.comeBack' : 'verdict.exit.noComeBack');
      break;
    case 'not_inside':
      detail = v.leftAt ? t('verdict.not_inside.left', { time: time(v.leftAt) }) : t('verdict.not_inside.detail');
      break;
    default:
      detail = t(`verdict.${v.kind}.detail`);
  }
  return (
    <section
      ref={sectionRef}
      className={`verdict verdict--${notRecorded ? 'not_recorded' : v.kind}`}
      data-testid="verdict"
      data-verdict={v.kind}
      data-barcode={v.code}
      data-recorded={v.kind === 'valid' || v.kind === 'exit' || v.kind === 'reentry' ? String(v.recorded) : undefined}
      data-warning={warning?.kind}
      data-show-selected={v.kind === 'wrong_show' ? String(!notSelected) : undefined}
      data-server={v.kind === 'unknown' ? v.server : undefined}
      data-scan-id={shown.scanId}
      role={notRecorded || movementLost ? 'alert' : 'status'}
      aria-live="assertive"
      aria-atomic="true"
    >
      <VerdictIcon kind={notRecorded ? 'not_recorded' : v.kind} />
      <h2 className="verdict-word">{word}</h2>
      <p className="verdict-detail">{detail}</p>
      {movementLost && <p className="verdict-warning">{t('verdict.movement.notRecorded')}</p>}
      {warning && (
        <p className="verdict-warning">
          {warning.kind === 'too_early'
            ? t('verdict.warning.too_early', { from: windowMoment(t, warning.at, warning.sameDay) })
            : t('verdict.warning.show_over', { until: windowMoment(t, warning.at, warning.sameDay) })}
        </p>
      )}
      {v.kind === 'valid' && v.recorded && v.override && <OverrideLine mark={v.override} />}
      {'ticket' in v && <TicketDetails ticket={v.ticket} view={view} />}
      <p className="verdict-code">{v.code}</p>
    </section>
  );
}

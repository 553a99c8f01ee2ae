import type { Show, Ticket } from '../../domain/types.ts';
import { useI18n } from '../i18n/context.tsx';

export function holderOf(t: Ticket): string {
  return [t.clientSurname, t.clientName, t.clientMiddlename].filter(Boolean).join(' ');
}

export function seatOf(t: Ticket): string {
  return t.seatName ?? [t.zoneName, t.row, t.place].filter(Boolean).join(' ');
}

/** Holder · seat · show date: what a person at the door matches against the guest. */
export function TicketLine({ ticket, show }: { ticket: Ticket; show?: Show }) {
  const { dateTime } = useI18n();
  const holder = holderOf(ticket);
  return (
    <span className="ticket-line">
      {holder && <strong>{holder}</strong>}
      {holder && ' · '}
      {seatOf(ticket)}
      {show?.startDate && <small> · {dateTime(show.startDate)}</small>}
    </span>
  );
}

// The history as a CSV file for the organiser: Russian headers and words whatever the screen's
// language (the spreadsheet travels to the office), opened by Excel with Cyrillic intact.
import { spreadsheetTime, toCsv } from '../../domain/csv.ts';
import type { OverrideMark } from '../../domain/supervisor.ts';
import type { Show } from '../../domain/types.ts';
import type { HistoryEntry } from '../../state/history.ts';
import { translate } from '../i18n/translate.ts';
import { holderOf, seatOf } from '../search/TicketLine.tsx';

const ru = (key: Parameters<typeof translate>[1]) => translate('ru', key);

/** "Гость VIP — с артистом (только на этом устройстве)": the reason, the words, and whether Qtickets heard of it. */
function overrideCell(mark: OverrideMark): string {
  const reason = ru(`override.reason.${mark.reason}`);
  const words = mark.text ? `${reason} — ${mark.text}` : reason;
  return mark.delivery === 'local' ? `${words} (${ru('history.override.local')})` : words;
}

export function historyCsv(entries: readonly HistoryEntry[], shows: readonly Show[]): string {
  const showById = new Map(shows.map((s) => [s.id, s]));
  const header = ['csv.time', 'csv.deviceTime', 'csv.code', 'csv.verdict', 'csv.source', 'csv.show', 'csv.zone', 'csv.seat', 'csv.holder', 'csv.delivery', 'csv.undone', 'csv.override', 'csv.note'] as const;
  const rows = entries.map(({ scan, ticket, delivery }) => {
    const show = scan.showId === null ? undefined : showById.get(scan.showId);
    const stamped = scan.at + (scan.clockOffsetMs ?? 0);
    return [
      spreadsheetTime(stamped),
      scan.clockOffsetMs ? spreadsheetTime(scan.at) : '',
      { text: scan.code },
      // An admission let in outside the show's window says so beside the verdict.
      scan.warning ? `${ru(`verdict.${scan.verdict}`)} (${ru(`history.warning.${scan.warning}`)})` : ru(`verdict.${scan.verdict}`),
      ru(`source.${scan.source}`),
      show ? `${show.eventName}${show.startDate ? ` ${spreadsheetTime(Date.parse(show.startDate))}` : ''}` : (scan.showId ?? ''),
      ticket?.zoneName ?? '',
      ticket ? seatOf(ticket) : '',
      ticket ? holderOf(ticket) : '',
      delivery ? ru(`history.delivery.${delivery}`) : '',
      scan.undoneAt ? spreadsheetTime(scan.undoneAt) : '',
      scan.override ? overrideCell(scan.override) : '',
      scan.note ?? '',
    ];
  });
  return toCsv(header.map(ru), rows);
}

// The edge of a show's entry window as the guest is told it: the venue's wall clock, as the show's
// date is written (never converted to the device's zone), with the date only when it is another day.
import { wallClockOf } from '../../domain/entry-window.ts';
import type { I18n } from '../i18n/context.tsx';

export function windowMoment(t: I18n['t'], iso: string, sameDay: boolean): string {
  const { date, time } = wallClockOf(iso);
  if (sameDay) return time;
  return t('entryWindow.otherDay', { day: date.slice(8, 10), month: date.slice(5, 7), time });
}

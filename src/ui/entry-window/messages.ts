// The show's entry window: the two verdicts, the warning on an admission let in outside it, and
// the supervisor's settings. {from} and {until} are venue times ("18:30", or "29.12 18:30" on another day).
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'verdict.too_early': 'Рано',
  'verdict.too_early.detail': 'Вход с {from}',
  'verdict.show_over': 'Сеанс окончен',
  'verdict.show_over.detail': 'Вход был до {until}',
  'verdict.warning.too_early': 'Раньше времени: вход с {from}',
  'verdict.warning.show_over': 'После окончания: вход был до {until}',
  'history.warning.too_early': 'раньше времени',
  'history.warning.show_over': 'после окончания',
  'entryWindow.title': 'Время входа',
  'entryWindow.hint': 'Билет проходит от открытия дверей минус допуск до окончания сеанса плюс допуск. Время сеанса — по часовому поясу площадки.',
  'entryWindow.early': 'Допуск до открытия дверей, мин',
  'entryWindow.late': 'Допуск после окончания, мин',
  'entryWindow.earlyAction': 'Раньше времени',
  'entryWindow.lateAction': 'После окончания',
  'entryWindow.deny': 'Не пускать',
  'entryWindow.warn': 'Пускать с предупреждением',
  'entryWindow.invalid': 'Целое число минут от 0 до {max}',
  'entryWindow.otherDay': '{day}.{month} {time}',
} as const;

export const en: Messages<typeof ru> = {
  'verdict.too_early': 'Too early',
  'verdict.too_early.detail': 'Entry from {from}',
  'verdict.show_over': 'Show is over',
  'verdict.show_over.detail': 'Entry was until {until}',
  'verdict.warning.too_early': 'Early: entry from {from}',
  'verdict.warning.show_over': 'After the end: entry was until {until}',
  'history.warning.too_early': 'too early',
  'history.warning.show_over': 'after the end',
  'entryWindow.title': 'Entry times',
  'entryWindow.hint': 'A ticket admits from the doors opening less the tolerance to the show’s end plus the tolerance. Show times are the venue’s time zone.',
  'entryWindow.early': 'Tolerance before the doors open, min',
  'entryWindow.late': 'Tolerance after the end, min',
  'entryWindow.earlyAction': 'Too early',
  'entryWindow.lateAction': 'After the end',
  'entryWindow.deny': 'Refuse',
  'entryWindow.warn': 'Admit with a warning',
  'entryWindow.invalid': 'Whole minutes from 0 to {max}',
  'entryWindow.otherDay': '{month}/{day} {time}',
};

// How long ago a ticket was used, in the words of the verdict panel. Minutes and hours are written
// as "мин" and "ч", which Russian does not decline, so no plural forms are needed.
import type { I18n } from '../i18n/context.tsx';

export function agoText(t: I18n['t'], minutes: number): string {
  if (minutes < 1) return t('checked.ago.now');
  if (minutes < 60) return t('checked.ago.minutes', { minutes });
  return t('checked.ago.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

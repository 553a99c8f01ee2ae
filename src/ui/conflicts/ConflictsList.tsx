import { otherCameFirst } from '../../domain/conflicts.ts';
import { useConflicts } from '../../state/history.ts';
import { useI18n } from '../i18n/context.tsx';
import type { Locale } from '../i18n/translate.ts';

/** Two admissions of one ticket are often seconds apart: hours and minutes alone would read alike. */
export function conflictTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(locale === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/**
 * Every double entry found, for the supervisor: the ticket, both times, which device. The API
 * names no device, so the other admission is "another device or entrance", earlier or later.
 */
export function ConflictsList() {
  const { t, locale } = useI18n();
  const time = (iso: string) => conflictTime(iso, locale);
  const conflicts = useConflicts();
  return (
    <section className="panel" aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">
        {t('conflicts.title')} <span data-testid="conflicts-count">{conflicts?.length ?? 0}</span>
      </h3>
      {conflicts && conflicts.length === 0 && <p>{t('conflicts.empty')}</p>}
      <ul className="rejected-list">
        {conflicts?.map((c) => (
          <li key={c.id} data-testid="conflict-row" data-barcode={c.code} data-other={otherCameFirst(c) ? 'earlier' : 'later'}>
            {t(otherCameFirst(c) ? 'conflicts.row' : 'conflicts.row.later', { code: c.code, local: time(c.localCheckedAt), server: time(c.serverCheckedAt) })}
            <small>
              {' · '}
              {t('conflicts.device', { device: c.deviceId.slice(0, 8) })}
              {c.otherDoor ? ` · ${t('conflicts.otherDoor', { door: c.otherDoor })}` : ''}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { RejectedCheckIn } from '../domain/types.ts';
import { useI18n } from './i18n/context.tsx';

/** Check-ins the server refused: kept in sight so a supervisor can settle them by hand. */
export function RejectedList({ rejected }: { rejected: RejectedCheckIn[] }) {
  const { t, time } = useI18n();
  return (
    <section className="panel" aria-labelledby="rejected-title">
      <h3 id="rejected-title">
        {t('rejected.title')} <span data-testid="rejected-count">{rejected.length}</span>
      </h3>
      {rejected.length === 0 ? (
        <p>{t('rejected.empty')}</p>
      ) : (
        <>
          <p>{t('rejected.explain')}</p>
          <ul className="rejected-list">
            {rejected.map((r) => (
              <li key={r.id}>
                <code>{r.code}</code> · {time(r.checkedAt)} · {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

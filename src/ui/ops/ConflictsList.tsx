import { useConflicts } from '../../state/ops-history.ts';
import { useI18n } from '../i18n/context.tsx';

/** Every double entry found, for the supervisor: the ticket, both times, which device. */
export function ConflictsList() {
  const { t, time } = useI18n();
  const conflicts = useConflicts();
  return (
    <section className="panel" aria-labelledby="ops-conflicts-title">
      <h3 id="ops-conflicts-title">
        {t('conflicts.title')} <span data-testid="conflicts-count">{conflicts?.length ?? 0}</span>
      </h3>
      {conflicts && conflicts.length === 0 && <p>{t('conflicts.empty')}</p>}
      <ul className="rejected-list">
        {conflicts?.map((c) => (
          <li key={c.id} data-testid="conflict-row" data-barcode={c.code}>
            {t('conflicts.row', { code: c.code, local: time(c.localCheckedAt), server: time(c.serverCheckedAt) })}
            <small> · {t('conflicts.device', { device: c.deviceId.slice(0, 8) })}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}

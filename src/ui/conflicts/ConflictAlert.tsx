import { otherCameFirst } from '../../domain/conflicts.ts';
import { useAcknowledgeConflicts, useUnseenConflicts } from '../../state/history.ts';
import { useI18n } from '../i18n/context.tsx';
import { conflictTime } from './ConflictsList.tsx';

/**
 * The double-entry warning: shown from the store, so it appears whether the conflict was found
 * seconds after the scan or later, after offline admissions were delivered. Stays until a person
 * acknowledges it; the conflicts list keeps every one. The other admission may be earlier than
 * ours or later (another device that delivered after us): the words say which.
 */
export function ConflictAlert() {
  const { t, locale } = useI18n();
  const time = (iso: string) => conflictTime(iso, locale);
  const unseen = useUnseenConflicts();
  const acknowledge = useAcknowledgeConflicts();
  const latest = unseen?.[0];
  if (!unseen || !latest) return null;
  return (
    <div className="double-entry-alert" role="alert" data-testid="conflict-alert" data-barcode={latest.code} data-other={otherCameFirst(latest) ? 'earlier' : 'later'}>
      <p>
        <strong>{t(otherCameFirst(latest) ? 'conflicts.alert' : 'conflicts.alert.later', { code: latest.code, server: time(latest.serverCheckedAt), local: time(latest.localCheckedAt) })}</strong>
      </p>
      {unseen.length > 1 && <p>{t('conflicts.alert.more', { count: unseen.length - 1 })}</p>}
      <button type="button" onClick={() => void acknowledge(unseen.map((c) => c.id))}>
        {t('conflicts.ack')}
      </button>
    </div>
  );
}

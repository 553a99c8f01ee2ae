import { useState, type FormEvent } from 'react';
import type { RejectedCheckIn } from '../../domain/types.ts';
import { useI18n } from '../i18n/context.tsx';

interface Props {
  rejected: RejectedCheckIn[];
  onResend: (id: string) => void;
  onDismiss: (id: string, reason: string) => void;
}

/**
 * Check-ins the server refused by name and does not hold: in the person's hands, each with the
 * server's words, to send again (the cause was fixed) or to dismiss with a reason.
 */
export function RejectedList({ rejected, onResend, onDismiss }: Props) {
  const { t, time } = useI18n();
  const [dismissing, setDismissing] = useState<string | null>(null);
  return (
    <section className="panel" id="rejected" aria-labelledby="rejected-title">
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
              <li key={r.id} data-testid="rejected-item">
                <code>{r.code}</code> · {time(r.checkedAt)} · {t('rejected.reason', { reason: r.reason })}
                <div className="rejected-actions">
                  <button type="button" onClick={() => onResend(r.id)}>
                    {t('rejected.resend')}
                  </button>
                  <button type="button" aria-expanded={dismissing === r.id} onClick={() => setDismissing(dismissing === r.id ? null : r.id)}>
                    {t('rejected.dismiss')}
                  </button>
                </div>
                {dismissing === r.id && (
                  <DismissForm
                    onDismiss={(reason) => {
                      setDismissing(null);
                      onDismiss(r.id, reason);
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DismissForm({ onDismiss }: { onDismiss: (reason: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') setMissing(true);
    else onDismiss(reason.trim());
  };
  return (
    <form className="rejected-dismiss" onSubmit={submit}>
      <label htmlFor="rejected-dismiss-reason">{t('rejected.dismissLabel')}</label>
      <input id="rejected-dismiss-reason" autoComplete="off" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit">{t('rejected.dismissConfirm')}</button>
      {missing && (
        <p className="error" role="alert">
          {t('rejected.dismissNeedsReason')}
        </p>
      )}
    </form>
  );
}

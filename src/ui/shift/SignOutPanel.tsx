import { useState, type FormEvent } from 'react';
import { useSendNow } from '../../state/door.ts';
import { useSignOut, useUndeliveredCount } from '../../state/history.ts';
import { useHistoryCsvDownload } from '../history/useHistoryCsvDownload.ts';
import { useI18n } from '../i18n/context.tsx';

/**
 * Leaving the device. With check-ins still unsent, signing out needs their exact number typed:
 * a tap cannot lose admissions, and a count that grew meanwhile is refused.
 */
export function SignOutPanel({ onSignedOut }: { onSignedOut: () => void }) {
  const { t, plural } = useI18n();
  const undelivered = useUndeliveredCount();
  const signOut = useSignOut();
  // The two ways out its text names, here beside it: no button is named that is not on screen.
  const sendNow = useSendNow();
  const exportCsv = useHistoryCsvDownload();
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  const attempt = async (confirm: number) => {
    const outcome = await signOut(confirm);
    if (outcome.ok) {
      onSignedOut();
      return;
    }
    setAsking(true);
    setError(confirm > 0 ? t('signout.mismatch', { count: outcome.undelivered }) : null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt(Number(typed.trim()) || -1);
  };

  return (
    <section className="panel" aria-labelledby="signout-title" data-testid="signout">
      <h3 id="signout-title">{t('signout.title')}</h3>
      <p>{t('signout.explain')}</p>
      {asking && (undelivered ?? 0) > 0 ? (
        <form onSubmit={submit} className="confirm-form">
          <p role="alert">
            {t('signout.undelivered', { checkins: plural('checkins', undelivered ?? 0) })} {t('signout.waitFirst')}
          </p>
          <div className="toolbar">
            <button type="button" onClick={() => void sendNow()} data-testid="signout-send-now">
              {t('sync.sendNow')}
            </button>
            <button type="button" onClick={() => void exportCsv()} data-testid="signout-export">
              {t('history.export')}
            </button>
          </div>
          <label htmlFor="signout-count">{t('signout.confirmLabel')}</label>
          <input id="signout-count" data-testid="signout-count" inputMode="numeric" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="btn-danger">
            {t('signout.confirm')}
          </button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <button type="button" className="btn-danger" data-testid="signout-button" onClick={() => void attempt(0)}>
          {t('signout.button')}
        </button>
      )}
    </section>
  );
}

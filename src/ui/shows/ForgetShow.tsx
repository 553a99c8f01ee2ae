import { useState, type FormEvent } from 'react';
import type { ShowId } from '../../domain/types.ts';
import { useForgetShow, useShowUndelivered } from '../../state/door.ts';
import { useI18n } from '../i18n/context.tsx';

interface Props {
  showId: ShowId;
  /** As the person reads it in the list: event and date. */
  name: string;
  /** No other show is stored: removing this one sends the device to setup. */
  last: boolean;
  onCancel: () => void;
  onRemoved: (discarded: number) => void;
}

/**
 * The confirm step of removing one show. With check-ins of that show still unsent, removal needs
 * their exact number typed, as sign-out does: a tap cannot lose admissions, and a number that
 * grew meanwhile (the show may still be admitting) is refused by the store, not by this form.
 */
export function ForgetShow({ showId, name, last, onCancel, onRemoved }: Props) {
  const { t, plural } = useI18n();
  const undelivered = useShowUndelivered(showId);
  const forget = useForgetShow();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the store answered last: the live count can lag behind it by a moment.
  const [refused, setRefused] = useState(0);
  const waiting = undelivered ?? refused;

  const attempt = async (confirm: number) => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await forget(showId, confirm);
      if (outcome.ok) {
        onRemoved(outcome.discarded);
        return;
      }
      setRefused(outcome.undelivered);
      if (confirm > 0) setError(t('shows.forget.mismatch', { checkins: plural('checkins', outcome.undelivered) }));
    } catch (e) {
      setError(t('shows.forget.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt(Number(typed.trim()) || -1);
  };

  const titleId = `forget-show-title-${showId}`;
  return (
    <div className="panel confirm-form" role="group" aria-labelledby={titleId} data-testid={`forget-show-confirm-${showId}`}>
      <p id={titleId}>
        <strong>{t('shows.forget.title', { show: name })}</strong>
      </p>
      <p>{t('shows.forget.explain')}</p>
      {last && <p>{t('shows.forget.last')}</p>}
      {waiting > 0 ? (
        <form onSubmit={submit} className="confirm-form">
          <p role="alert" data-testid={`forget-show-undelivered-${showId}`}>
            {t('shows.forget.undelivered', { checkins: plural('checkins', waiting) })} {t('shows.forget.waitFirst')}
          </p>
          <label htmlFor={`forget-show-count-${showId}`}>{t('shows.forget.confirmLabel')}</label>
          <input
            id={`forget-show-count-${showId}`}
            data-testid={`forget-show-count-${showId}`}
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <div className="confirm-box">
            <button type="submit" className="btn-danger" disabled={busy}>
              {busy ? t('shows.forget.running') : t('shows.forget.discard')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('shows.forget.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="confirm-box">
          <button type="button" className="btn-danger" disabled={busy || undelivered === undefined} onClick={() => void attempt(0)}>
            {busy ? t('shows.forget.running') : t('shows.forget.confirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('shows.forget.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

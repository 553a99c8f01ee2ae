import { useNow } from '../../state/now.ts';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { usePinCheck } from '../../state/kiosk.ts';
import { useI18n } from '../i18n/context.tsx';
import { PinInput, useEscape } from './PinInput.tsx';

/** Asks for the kiosk PIN; wrong PINs are slowed down (the delay is stored, a reload does not reset it). */
export function PinGate({ onUnlocked, onCancel }: { onUnlocked: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const check = usePinCheck();
  const titleId = useId();
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [, tick] = useState(0);

  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = setInterval(() => {
      tick((n) => n + 1);
      if (Date.now() >= waitUntil) setError(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  useEscape(onCancel);

  const now = useNow(500);
  const waiting = waitUntil > now;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (checking || waiting || !pin) return;
    setChecking(true);
    const result = await check(pin);
    setChecking(false);
    setPin('');
    if (result.ok) return onUnlocked();
    if (result.waitMs > 0) {
      setWaitUntil(Date.now() + result.waitMs);
      setError(t('kiosk.gate.wait', { seconds: Math.ceil(result.waitMs / 1000) }));
    } else setError(t('kiosk.gate.wrong'));
  };

  const seconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  return (
    <div className="pin-backdrop">
      <form className="pin-gate panel" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={(e) => void submit(e)} data-testid="pin-gate">
        <h2 id={titleId}>{t('kiosk.gate.title')}</h2>
        <label htmlFor="kiosk-pin" className="visually-hidden">
          {t('kiosk.pin')}
        </label>
        <PinInput id="kiosk-pin" testId="kiosk-pin" value={pin} onChange={setPin} autoFocus />
        {error && (
          <p role="alert" className="error" data-testid="pin-error">
            {waiting ? t('kiosk.gate.wait', { seconds }) : error}
          </p>
        )}
        <div className="pin-actions">
          <button type="button" onClick={onCancel}>
            {t('kiosk.gate.cancel')}
          </button>
          <button type="submit" className="primary" disabled={checking || waiting || pin.length < 4}>
            {checking ? t('kiosk.gate.checking') : t('kiosk.gate.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

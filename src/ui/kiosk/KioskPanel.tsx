import { useState, type FormEvent } from 'react';
import { isValidPin, lockKiosk, useKioskActions, useKioskMode } from '../../state/kiosk.ts';
import { useScannerSettings } from '../../state/scanner-settings.ts';
import { useI18n } from '../i18n/context.tsx';
import { PinInput } from './PinInput.tsx';

/** Turning kiosk mode on (with a new PIN) and off; reachable only unlocked. */
export function KioskPanel({ onLocked }: { onLocked: () => void }) {
  const { t } = useI18n();
  const mode = useKioskMode();
  const actions = useKioskActions();
  // A turnstile tablet usually faces the guest: its front camera reads the ticket held up to it.
  const [scanner, updateScanner] = useScannerSettings();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const enable = async (e: FormEvent) => {
    e.preventDefault();
    if (!isValidPin(pin)) return setError(t('kiosk.pinInvalid'));
    if (pin !== repeat) return setError(t('kiosk.pinMismatch'));
    setError(null);
    setBusy(true);
    try {
      await actions.enable(pin);
      onLocked();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="kiosk-title" data-testid="kiosk-panel">
      <h2 id="kiosk-title">{t('kiosk.title')}</h2>
      <p className="hint">{t('kiosk.explain')}</p>
      <fieldset className="kiosk-facing">
        <legend>{t('kiosk.camera')}</legend>
        {(['environment', 'user'] as const).map((facing) => (
          <label key={facing} className="choice">
            <input type="radio" name="kiosk-facing" checked={scanner.facing === facing} onChange={() => void updateScanner({ facing, deviceId: null })} />
            <span>{t(`kiosk.camera.${facing}`)}</span>
          </label>
        ))}
      </fieldset>
      {mode.enabled ? (
        <div className="toolbar">
          <p role="status">{t('kiosk.on')}</p>
          <button
            type="button"
            onClick={() => {
              lockKiosk();
              onLocked();
            }}
            data-testid="kiosk-lock"
          >
            {t('kiosk.lockNow')}
          </button>
          <button type="button" onClick={() => void actions.disable()} data-testid="kiosk-disable">
            {t('kiosk.disable')}
          </button>
        </div>
      ) : (
        <form className="kiosk-enable" onSubmit={(e) => void enable(e)}>
          <label htmlFor="kiosk-new-pin">{t('kiosk.pin')}</label>
          <PinInput id="kiosk-new-pin" testId="kiosk-new-pin" value={pin} onChange={setPin} fresh />
          <label htmlFor="kiosk-new-pin-repeat">{t('kiosk.pinRepeat')}</label>
          <PinInput id="kiosk-new-pin-repeat" testId="kiosk-new-pin-repeat" value={repeat} onChange={setRepeat} fresh />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy} data-testid="kiosk-enable">
            {t('kiosk.enable')}
          </button>
        </form>
      )}
    </section>
  );
}

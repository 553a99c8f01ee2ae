import { useState, type FormEvent } from 'react';
import { isValidPin } from '../../state/kiosk.ts';
import { useRole, useSupervisorPinActions } from '../../state/supervisor.ts';
import { useI18n } from '../i18n/context.tsx';
import { PinInput } from '../kiosk/PinInput.tsx';

/**
 * The supervisor PIN on the device screen (reached only by the supervisor): set it without kiosk
 * mode, change it, remove it, or close the supervisor's access now instead of in a minute.
 */
export function SupervisorPinPanel() {
  const { t } = useI18n();
  const { pinSet, role } = useRole();
  const actions = useSupervisorPinActions();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!isValidPin(pin)) return setError(t('kiosk.pinInvalid'));
    if (pin !== repeat) return setError(t('kiosk.pinMismatch'));
    setError(null);
    await actions.set(pin);
    setPin('');
    setRepeat('');
    setSaved(true);
  };

  return (
    <section className="panel" aria-labelledby="supervisor-pin-title" data-testid="supervisor-pin-panel">
      <h2 id="supervisor-pin-title">{t('supervisorPin.title')}</h2>
      <p className="hint">{t('supervisorPin.explain')}</p>
      <p role="status" data-testid="supervisor-pin-state">
        {pinSet ? t('supervisorPin.isSet', { role: t(`role.${role}`) }) : t('supervisorPin.notSet')}
      </p>
      <form className="kiosk-enable" onSubmit={(e) => void save(e)}>
        <label htmlFor="supervisor-new-pin">{t('kiosk.pin')}</label>
        <PinInput id="supervisor-new-pin" testId="supervisor-new-pin" value={pin} onChange={setPin} fresh />
        <label htmlFor="supervisor-new-pin-repeat">{t('kiosk.pinRepeat')}</label>
        <PinInput id="supervisor-new-pin-repeat" testId="supervisor-new-pin-repeat" value={repeat} onChange={setRepeat} fresh />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {saved && <p role="status">{t('supervisorPin.saved')}</p>}
        <button type="submit" className="primary" data-testid="supervisor-pin-save">
          {t(pinSet ? 'supervisorPin.change' : 'supervisorPin.set')}
        </button>
      </form>
      {pinSet && (
        <div className="toolbar">
          <button type="button" onClick={actions.lock} data-testid="supervisor-lock">
            {t('supervisorPin.lock')}
          </button>
          <button type="button" onClick={() => void actions.clear()} data-testid="supervisor-pin-clear">
            {t('supervisorPin.clear')}
          </button>
        </div>
      )}
    </section>
  );
}

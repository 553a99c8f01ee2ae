import { useState } from 'react';
import { useShows, useToken } from '../../state/door.ts';
import { isValidPin } from '../../state/kiosk.ts';
import { buildSetupLink } from '../../state/setup.ts';
import { useI18n } from '../i18n/context.tsx';
import { SetupQr } from './SetupQr.tsx';
import { PinInput } from '../kiosk/PinInput.tsx';

/**
 * "Add a device": a QR code of this device's setup link (token, the shows it admits, optionally
 * kiosk mode with a PIN). The link carries the token, so the code is shown only on request,
 * with a plain warning, and hidden again with one tap.
 */
export function ProvisionScreen() {
  const { t, dateTime } = useI18n();
  const token = useToken();
  const shows = useShows()?.filter((s) => s.active);
  const [kiosk, setKiosk] = useState(false);
  const [pin, setPin] = useState('');
  const [shown, setShown] = useState(false);

  if (token === null || shows === undefined) return null;
  if (!token || shows.length === 0) {
    return (
      <main className="provision">
        <h1>{t('provision.title')}</h1>
        <p role="alert" className="error">
          {t('provision.noSetup')}
        </p>
      </main>
    );
  }
  const pinOk = !kiosk || isValidPin(pin);
  const link = buildSetupLink(`${location.origin}${location.pathname}`, { token, showIds: shows.map((s) => s.id), ...(kiosk ? { kiosk: { pin } } : {}) });
  const insecure = location.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

  return (
    <main className="provision">
      <h1>{t('provision.title')}</h1>
      <p>{t('provision.explain')}</p>
      <p className="hint">{t('provision.shows', { shows: shows.map((s) => `${s.eventName}${s.startDate ? `, ${dateTime(s.startDate)}` : ''} (#${s.id})`).join('; ') })}</p>
      <div className="panel">
        <label className="choice">
          <input type="checkbox" checked={kiosk} onChange={(e) => { setKiosk(e.target.checked); setShown(false); }} data-testid="provision-kiosk" />
          <span>{t('provision.kiosk')}</span>
        </label>
        {kiosk && (
          <>
            <label htmlFor="provision-pin">{t('kiosk.pin')}</label>
            <PinInput id="provision-pin" testId="provision-pin" value={pin} onChange={(digits) => { setPin(digits); setShown(false); }} />
          </>
        )}
        <button type="button" className="primary" disabled={!pinOk} onClick={() => setShown(!shown)} data-testid="provision-toggle" aria-expanded={shown}>
          {shown ? t('provision.hide') : t('provision.show')}
        </button>
      </div>
      {shown && (
        <section className="provision-qr" aria-label={t('provision.qrAlt')}>
          <p role="alert" className="warning" data-testid="provision-warning">
            {t('provision.warning')}
          </p>
          <SetupQr text={link} alt={t('provision.qrAlt')} />
          {insecure && <p className="hint">{t('provision.https', { origin: location.origin })}</p>}
        </section>
      )}
    </main>
  );
}

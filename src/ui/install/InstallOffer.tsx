import { useEffect, useState } from 'react';
import { watchInstall, type InstallState } from '../../pwa/install.ts';
import { useI18n } from '../i18n/context.tsx';

const DISMISSED_KEY = 'kontrol.installDismissedAt';
/** "Not now" means not this week: an offer at every start would be nagging. */
const QUIET_MS = 7 * 24 * 60 * 60 * 1000;

function dismissedRecently(): boolean {
  try {
    return Date.now() - Number(localStorage.getItem(DISMISSED_KEY) ?? 0) < QUIET_MS;
  } catch {
    return false;
  }
}

/**
 * Offers "add to home screen" at a calm moment: `calm` is false while a verdict is on screen or
 * the device is a locked kiosk. Mounted all the time so the browser's one-off event is not missed. Android gets the browser's prompt; iOS, which has
 * none, gets the two taps to make.
 */
export function InstallOffer({ calm }: { calm: boolean }) {
  const { t } = useI18n();
  const [state, setState] = useState<InstallState>({ kind: 'none' });
  const [dismissed, setDismissed] = useState(dismissedRecently);
  useEffect(() => watchInstall(setState), []);
  if (!calm || dismissed || (state.kind !== 'prompt' && state.kind !== 'ios_hint')) return null;
  const later = () => {
    try {
      localStorage.setItem(DISMISSED_KEY, String(Date.now()));
    } catch {
      // Not remembered; dismissed for this session anyway.
    }
    setDismissed(true);
  };
  return (
    <aside className="install-offer" aria-label={t('install.accept')} data-testid="install-offer">
      <p>{state.kind === 'prompt' ? t('install.offer') : t('install.ios')}</p>
      {state.kind === 'prompt' && (
        <button type="button" className="primary" onClick={() => void state.prompt()}>
          {t('install.accept')}
        </button>
      )}
      <button type="button" onClick={later}>
        {t('install.later')}
      </button>
    </aside>
  );
}

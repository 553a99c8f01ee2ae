import { useEffect, useState } from 'react';
import { declineInstall, installDeclinedRecently, watchInstall, type InstallState } from '../../state/preferences.ts';
import { useI18n } from '../i18n/context.tsx';

/**
 * Offers "add to home screen" at a calm moment: `calm` is false while a verdict is on screen or
 * the device is a locked kiosk. Mounted all the time so the browser's one-off event is not missed. Android gets the browser's prompt; iOS, which has
 * none, gets the two taps to make.
 */
export function InstallOffer({ calm }: { calm: boolean }) {
  const { t } = useI18n();
  const [state, setState] = useState<InstallState>({ kind: 'none' });
  const [dismissed, setDismissed] = useState(() => installDeclinedRecently());
  useEffect(() => watchInstall(setState), []);
  if (!calm || dismissed || (state.kind !== 'prompt' && state.kind !== 'ios_hint')) return null;
  const later = () => {
    declineInstall(); // where storage is blocked: not remembered, dismissed for this session anyway
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

import { useState } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { PinGate } from './PinGate.tsx';

/** The whole header of a locked kiosk: the name and one way out, behind the PIN. */
export function KioskBar({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  return (
    <header className="app-header kiosk-bar">
      <span className="brand">{t('appName')}</span>
      <span className="kiosk-badge">{t('kiosk.badge')}</span>
      <button type="button" className="kiosk-unlock" aria-label={t('kiosk.unlock.label')} onClick={() => setAsking(true)} data-testid="kiosk-unlock">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          <rect x="5" y="11" width="14" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </svg>
        <span>{t('kiosk.unlock')}</span>
      </button>
      {asking && (
        <PinGate
          onCancel={() => setAsking(false)}
          onUnlocked={() => {
            setAsking(false);
            onUnlocked();
          }}
        />
      )}
    </header>
  );
}

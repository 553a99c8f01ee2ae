import { useI18n } from '../i18n/context.tsx';

/**
 * The header while the kiosk setting is still being read: the name and nothing else. Neither
 * the full header (its menu leads everywhere) nor the kiosk bar (a plain door would flash a
 * kiosk badge) can be told apart yet; this is what both begin with.
 */
export function StartingBar() {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <span className="brand">{t('appName')}</span>
    </header>
  );
}

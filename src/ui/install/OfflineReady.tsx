import { useI18n } from '../i18n/context.tsx';

/** Said once, when the service worker has stored the app: from now on it opens without network. */
export function OfflineReady({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="offline-ready" role="status" data-testid="offline-ready">
      <span>{t('install.offlineReady')}</span>
      <button type="button" onClick={onClose}>
        {t('install.ok')}
      </button>
    </div>
  );
}

import { useI18n } from './i18n/context.tsx';

export function UpdateBar({ onApply }: { onApply: () => void }) {
  const { t } = useI18n();
  return (
    <div className="update-bar" role="status" data-testid="update-bar">
      <span>{t('update.available')}</span>
      <button type="button" onClick={onApply}>
        {t('update.apply')}
      </button>
    </div>
  );
}

import type { ScannerSettings } from '../../state/scanner-settings.ts';
import { EXTRA_FORMATS } from '../../state/scanner-settings.ts';
import { useI18n } from '../i18n/context.tsx';

interface Props {
  settings: ScannerSettings;
  onSettings: (patch: Partial<ScannerSettings>) => void;
}

export function ScanSettings({ settings, onSettings }: Props) {
  const { t } = useI18n();
  return (
    <details className="panel">
      <summary>{t('camera.settings')}</summary>
      <label className="choice">
        <input type="checkbox" checked={settings.sound} onChange={(e) => onSettings({ sound: e.target.checked })} />
        {t('camera.settings.sound')}
      </label>
      <label className="choice">
        <input type="checkbox" checked={settings.vibration} onChange={(e) => onSettings({ vibration: e.target.checked })} />
        {t('camera.settings.vibration')}
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={settings.extraFormats.length > 0}
          onChange={(e) => onSettings({ extraFormats: e.target.checked ? EXTRA_FORMATS : [] })}
        />
        {t('camera.settings.extra')}
      </label>
      <label className="inline-field">
        {t('camera.settings.repeat')}
        <input
          type="number"
          min={1}
          max={30}
          value={Math.round(settings.repeatMs / 1000)}
          onChange={(e) => {
            const seconds = Number(e.target.value);
            if (seconds >= 1 && seconds <= 30) onSettings({ repeatMs: seconds * 1000 });
          }}
        />
      </label>
    </details>
  );
}

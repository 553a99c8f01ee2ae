import type { ScannerSettings } from '../../state/scanner-settings.ts';
import { EXTRA_FORMATS } from '../../state/scanner-settings.ts';
import { Disclosure } from '../Disclosure.tsx';
import { useI18n } from '../i18n/context.tsx';

/** Choices rather than a free number: each is a length a door has a reason to use. */
export const VERDICT_SECONDS = [3, 5, 10, 20, 30] as const;

interface Props {
  settings: ScannerSettings;
  onSettings: (patch: Partial<ScannerSettings>) => void;
}

export function ScanSettings({ settings, onSettings }: Props) {
  const { t } = useI18n();
  return (
    <Disclosure title={t('camera.settings')} testId="scan-settings">
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
      <label className="inline-field">
        {t('camera.settings.verdict')}
        <select
          data-testid="verdict-seconds"
          value={Math.round(settings.verdictMs / 1000)}
          onChange={(e) => onSettings({ verdictMs: Number(e.target.value) * 1000 })}
        >
          {/* A stored length not on the list (set by another version) stays shown as it is. */}
          {[...new Set([...VERDICT_SECONDS, Math.round(settings.verdictMs / 1000)])]
            .sort((a, b) => a - b)
            .map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
        </select>
      </label>
    </Disclosure>
  );
}

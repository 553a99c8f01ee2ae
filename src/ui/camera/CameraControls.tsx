import { useState } from 'react';
import type { CameraControl } from '../../state/camera.ts';
import type { ScannerSettings } from '../../state/scanner-settings.ts';
import { useI18n } from '../i18n/context.tsx';

interface Props {
  camera: CameraControl;
  settings: ScannerSettings;
  onSettings: (patch: Partial<ScannerSettings>) => void;
}

/** Torch, zoom and camera choice — each only where the device really offers it. */
export function CameraControls({ camera, settings, onSettings }: Props) {
  const { t } = useI18n();
  const [torch, setTorch] = useState(false);
  const caps = camera.capabilities;
  return (
    <>
      {caps?.torch && (
        <button
          type="button"
          aria-pressed={torch}
          onClick={() => void camera.setTorch(!torch).then((ok) => ok && setTorch(!torch))}
        >
          {t('camera.torch')}
        </button>
      )}
      {caps?.zoom && (
        <label className="inline-field">
          {t('camera.zoom')}
          <input
            type="range"
            min={caps.zoom.min}
            max={caps.zoom.max}
            step={caps.zoom.step || 0.1}
            defaultValue={caps.zoom.min}
            onChange={(e) => void camera.setZoom(Number(e.target.value))}
          />
        </label>
      )}
      {camera.cameras.length > 1 && (
        <label className="inline-field">
          {t('camera.switch')}
          <select value={settings.deviceId ?? caps?.deviceId ?? ''} onChange={(e) => onSettings({ deviceId: e.target.value || null })}>
            {camera.cameras.map((c, i) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label || `${t('camera.switch')} ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="inline-field">
        <input
          type="checkbox"
          checked={settings.facing === 'user'}
          onChange={(e) => onSettings({ facing: e.target.checked ? 'user' : 'environment', deviceId: null })}
        />
        {t('camera.front')}
      </label>
    </>
  );
}

import { memo, useRef } from 'react';
import type { CodeMeta } from '../../state/camera.ts';
import { useCamera } from '../../state/camera.ts';
import { formatsOf, type ScannerSettings } from '../../state/scanner-settings.ts';
import { useI18n } from '../i18n/context.tsx';
import { CameraControls } from './CameraControls.tsx';

interface Props {
  settings: ScannerSettings;
  onSettings: (patch: Partial<ScannerSettings>) => void;
  onCode: (text: string, meta: CodeMeta) => void;
}

/**
 * The viewfinder: the frame drawn on screen is the region the decoder reads (80% × 80%).
 * Memoised: nothing here changes with a verdict, and the scan screen draws again for each.
 */
export const CameraPanel = memo(function CameraPanel({ settings, onSettings, onCode }: Props) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const camera = useCamera(videoRef, {
    formats: formatsOf(settings),
    repeatMs: settings.repeatMs,
    facing: settings.facing,
    deviceId: settings.deviceId,
    autoStart: settings.cameraOn,
    onCode,
    onRunningChange: (on) => onSettings({ cameraOn: on }),
  });
  const running = camera.status === 'on' || camera.status === 'starting';
  return (
    <section className="camera" aria-label={t('camera.switch')} data-status={camera.status}>
      <div className={running ? 'camera-view' : 'camera-view camera-view--off'}>
        <video ref={videoRef} className={settings.facing === 'user' ? 'camera-video camera-video--mirror' : 'camera-video'} muted playsInline aria-hidden="true" />
        {running && <div className="camera-frame" aria-hidden="true" />}
        {camera.status === 'on' && camera.hint && (
          <p className="camera-hint" role="status" data-testid="camera-hint">
            {t(`camera.hint.${camera.hint}`)}
          </p>
        )}
      </div>
      {camera.status === 'error' && camera.error && (
        <div role="alert" className="error" data-testid="camera-error" data-kind={camera.error.kind}>
          <p>{t(`camera.error.${camera.error.kind}`)}</p>
          {camera.error.kind === 'permission_denied' && <p>{t('camera.error.permission_denied.help')}</p>}
          <p>{t('camera.error.fallback')}</p>
        </div>
      )}
      <div className="toolbar">
        {running ? (
          <button type="button" onClick={camera.stop} data-testid="camera-stop">
            {camera.status === 'starting' ? t('camera.starting') : t('camera.stop')}
          </button>
        ) : (
          <button type="button" onClick={camera.start} data-testid="camera-start">
            {t('camera.start')}
          </button>
        )}
        {camera.status === 'on' && <CameraControls camera={camera} settings={settings} onSettings={onSettings} />}
      </div>
    </section>
  );
});

// React glue for the framework-free scanner: one scanner per set of formats and repeat window,
// stopped when the page is hidden or the screen is left, restarted cleanly on return.
export type { CodeMeta } from '../door/devices.ts';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import {
  createFeedback,
  createScanner,
  type CameraCapabilities,
  type CameraInfo,
  type CodeMeta,
  type Facing,
  type Feedback,
  type Scanner,
  type ScanFormat,
  type ScanHint,
  type ScannerError,
} from '../door/devices.ts';
import type { Verdict } from '../domain/types.ts';

export type CameraStatus = 'off' | 'starting' | 'on' | 'error';

export interface CameraOptions {
  formats: ScanFormat[];
  repeatMs: number;
  facing: Facing;
  deviceId: string | null;
  /** Start as soon as the screen shows (the camera was on when the person left). */
  autoStart: boolean;
  onCode: (text: string, meta: CodeMeta) => void;
  onRunningChange: (on: boolean) => void;
}

export interface CameraControl {
  status: CameraStatus;
  error: ScannerError | null;
  hint: ScanHint | null;
  capabilities: CameraCapabilities | null;
  cameras: CameraInfo[];
  start: () => void;
  stop: () => void;
  setTorch: (on: boolean) => Promise<boolean>;
  setZoom: (zoom: number) => Promise<boolean>;
}

export function useCamera(videoRef: RefObject<HTMLVideoElement | null>, options: CameraOptions): CameraControl {
  const [status, setStatus] = useState<CameraStatus>('off');
  const [error, setError] = useState<ScannerError | null>(null);
  const [hint, setHint] = useState<ScanHint | null>(null);
  const [capabilities, setCapabilities] = useState<CameraCapabilities | null>(null);
  const [cameras, setCameras] = useState<CameraInfo[]>([]);
  const scannerRef = useRef<Scanner | null>(null);
  const wanted = useRef(options.autoStart);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const begin = useCallback(async (scanner: Scanner) => {
    setStatus('starting');
    setError(null);
    const result = await scanner.start(latest.current.deviceId ?? undefined);
    if (scannerRef.current !== scanner) return; // replaced meanwhile (formats changed, unmounted)
    if (result.status === 'started') {
      setStatus('on');
      setCapabilities(scanner.capabilities());
      setCameras(await scanner.listCameras());
    } else if (result.status === 'failed') {
      setError(result.error);
      setStatus('error');
    }
  }, []);

  const formatsKey = options.formats.join(',');
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const scanner = createScanner({
      video,
      formats: formatsKey.split(',') as ScanFormat[],
      repeatWindowMs: options.repeatMs,
      facing: options.facing,
      onCode: (text, meta) => latest.current.onCode(text, meta),
      onHint: setHint,
      onError: (e) => {
        setError(e);
        setStatus('error');
      },
    });
    scannerRef.current = scanner;
    if (wanted.current) void begin(scanner);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        scanner.stop(); // phones keep the camera light on otherwise; the person left
        setStatus('off');
      } else if (wanted.current) void begin(scanner);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      scannerRef.current = null;
      scanner.destroy(); // safe while start() is pending: StrictMode mounts twice
    };
  }, [videoRef, formatsKey, options.repeatMs, options.facing, options.deviceId, begin]);

  const start = useCallback(() => {
    wanted.current = true;
    latest.current.onRunningChange(true);
    if (scannerRef.current) void begin(scannerRef.current);
  }, [begin]);
  const stop = useCallback(() => {
    wanted.current = false;
    latest.current.onRunningChange(false);
    scannerRef.current?.stop();
    setStatus('off');
    setHint(null);
  }, []);

  return {
    status,
    error,
    hint,
    capabilities,
    cameras,
    start,
    stop,
    setTorch: (on) => scannerRef.current?.setTorch(on) ?? Promise.resolve(false),
    setZoom: (zoom) => scannerRef.current?.setZoom(zoom) ?? Promise.resolve(false),
  };
}

/** Distinct sounds and vibrations per verdict kind, following the person's switches. */
export function useVerdictFeedback(sound: boolean, vibration: boolean): (verdict: Verdict) => void {
  const feedback = useRef<Feedback | null>(null);
  const switches = useRef({ sound, vibration });
  useEffect(() => {
    switches.current = { sound, vibration };
    feedback.current?.setOptions({ sound, vibration });
  }, [sound, vibration]);
  useEffect(() => {
    // Made in an effect, not during render: StrictMode's extra unmount must not leave a disposed
    // one. Making an AudioContext takes ~12 ms of the page's thread, so it is made as the scan
    // screen mounts, while the lists are still being read, and not when the page first goes
    // idle: that moment is right after the door becomes ready, where the first scan lands too.
    const made = createFeedback(switches.current);
    feedback.current = made;
    return () => {
      made.dispose();
      feedback.current = null;
    };
  }, []);
  return useCallback((verdict: Verdict) => {
    const f = feedback.current;
    if (!f) return;
    // Still asking the server about a late ticket: its answer sounds, not this.
    if (verdict.kind === 'unknown' && verdict.server === 'checking') return;
    // Let in outside the show's window: admitted, but the steward should look.
    if (verdict.kind === 'valid') f.play(verdict.recorded && !verdict.warning ? 'admit' : 'warn');
    // A re-entry and a recorded exit are the door working as it should; "not inside" wants a look.
    else if (verdict.kind === 'reentry' || verdict.kind === 'exit') f.play(verdict.recorded ? 'admit' : 'warn');
    else if (verdict.kind === 'already_checked' || verdict.kind === 'not_inside') f.play('warn');
    else f.play('deny');
  }, []);
}

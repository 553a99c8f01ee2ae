// Camera and feedback preferences, kept per device in the settings store.
import { useMemo } from 'react';
import { DEFAULT_FORMATS, DEFAULT_REPEAT_WINDOW_MS, type Facing, type ScanFormat } from '../door/devices.ts';
import { useLiveRead } from './live-query.ts';
import { useServices } from './services.tsx';

export interface ScannerSettings {
  /** How long the same code held in view is ignored. */
  repeatMs: number;
  /** How long a verdict stays on screen before "ready": the next guest must not read the last one's. */
  verdictMs: number;
  sound: boolean;
  vibration: boolean;
  /** Rarely printed on tickets; off by default because every format costs decode time. */
  extraFormats: ScanFormat[];
  facing: Facing;
  deviceId: string | null;
  /** The camera was on when the person last left the scan screen: turn it on again on return. */
  cameraOn: boolean;
}

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = {
  repeatMs: DEFAULT_REPEAT_WINDOW_MS,
  verdictMs: 5000,
  sound: true,
  vibration: true,
  extraFormats: [],
  facing: 'environment',
  deviceId: null,
  cameraOn: false,
};

export const EXTRA_FORMATS: ScanFormat[] = ['pdf417', 'aztec', 'data_matrix'];

export function formatsOf(settings: ScannerSettings): ScanFormat[] {
  return [...DEFAULT_FORMATS, ...settings.extraFormats.filter((f) => EXTRA_FORMATS.includes(f))];
}

export function useScannerSettings(): [ScannerSettings, (patch: Partial<ScannerSettings>) => Promise<void>] {
  const { store } = useServices();
  const stored = useLiveRead(() => store.scannerSettings());
  // The same object until the stored settings change: the camera panel is not drawn again per verdict.
  const settings = useMemo((): ScannerSettings => {
    // The registry checks each stored field; formats it does not know are left out here.
    const extraFormats = stored?.extraFormats?.filter((f): f is ScanFormat => (EXTRA_FORMATS as string[]).includes(f));
    return { ...DEFAULT_SCANNER_SETTINGS, ...stored, extraFormats: extraFormats ?? [] };
  }, [stored]);
  return [settings, store.updateScannerSettings];
}

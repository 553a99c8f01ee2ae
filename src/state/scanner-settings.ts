// Camera and feedback preferences, kept per device in the settings store.
import { useLiveQuery } from './live-query.ts';
import { useCallback } from 'react';
import { getSetting, setSetting } from '../db/settings.ts';
import { DEFAULT_FORMATS, DEFAULT_REPEAT_WINDOW_MS, type Facing, type ScanFormat } from '../scanner/index.ts';
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
const KEY = 'scanner';

export function formatsOf(settings: ScannerSettings): ScanFormat[] {
  return [...DEFAULT_FORMATS, ...settings.extraFormats.filter((f) => EXTRA_FORMATS.includes(f))];
}

export function useScannerSettings(): [ScannerSettings, (patch: Partial<ScannerSettings>) => Promise<void>] {
  const { db } = useServices();
  const stored = useLiveQuery(() => getSetting<Partial<ScannerSettings>>(db, KEY), [db]);
  const settings = { ...DEFAULT_SCANNER_SETTINGS, ...stored };
  const update = useCallback(
    async (patch: Partial<ScannerSettings>) => {
      const current = (await getSetting<Partial<ScannerSettings>>(db, KEY)) ?? {};
      await setSetting(db, KEY, { ...current, ...patch });
    },
    [db],
  );
  return [settings, update];
}

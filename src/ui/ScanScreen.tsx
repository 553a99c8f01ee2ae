import { useCallback, useEffect } from 'react';
import { admittingShows } from '../domain/door-day.ts';
import type { Verdict } from '../domain/types.ts';
import { attachWedge } from '../state/wedge.ts';
import { useDoorCounts, useOnline, useRejected, useScan, useSendNow, useShows, useSyncState } from '../state/door.ts';
import { useKioskMode, useVerdictHold } from '../state/kiosk.ts';
import { useRole } from '../state/supervisor.ts';
import { useVerdictFeedback } from '../state/camera.ts';
import { useScannerSettings, type ScannerSettings } from '../state/scanner-settings.ts';
import { useNow } from '../state/now.ts';
import { CameraPanel } from './camera/CameraPanel.tsx';
import { DeliveryAlert, RejectedAlert } from './delivery/DeliveryAlert.tsx';
import { HeldPullAlert } from './delivery/HeldPullAlert.tsx';
import { useI18n } from './i18n/context.tsx';
import { ManualEntry } from './ManualEntry.tsx';
import { ClockWarning } from './shift/ClockWarning.tsx';
import { ConflictAlert } from './conflicts/ConflictAlert.tsx';
import { ConnectivityBadge } from './shift/ConnectivityBadge.tsx';
import { StatusBar } from './StatusBar.tsx';
import { ScanActions } from './supervisor/ScanActions.tsx';
import { VerdictPanel } from './VerdictPanel.tsx';
import { DoorTools } from './DoorTools.tsx';
import { DirectionSwitch } from './exit/DirectionSwitch.tsx';
import { useVerdictView } from '../state/presence.ts';

export function ScanScreen() {
  const { t, dateTime } = useI18n();
  const sendNow = useSendNow();
  const shows = useShows();
  // Counted per show this door admits today: tomorrow's ticked show is neither in "admitted" nor
  // in the list size beside it. With several shows stored, the bar names the ones counted.
  const now = useNow(60_000);
  const admitting = shows && admittingShows(shows, new Date(now));
  const counted = shows?.filter((s) => admitting?.has(s.id));
  const counts = useDoorCounts(counted);
  const countedNames = shows && shows.length > 1 ? counted?.map((s) => (s.startDate ? `${s.eventName}, ${dateTime(s.startDate)}` : s.eventName)) : undefined;
  const syncState = useSyncState();
  const online = useOnline();
  const rejected = useRejected();
  const [scanSettings, updateScanSettings] = useScannerSettings();
  const signal = useVerdictFeedback(scanSettings.sound, scanSettings.vibration);
  // What follows an admission (delivery, the double-entry question) is the door engine's; the
  // screen adds only what it shows and plays.
  const onVerdict = useCallback((v: Verdict) => signal(v), [signal]);
  const { feedback, submit, show } = useScan(onVerdict);
  // The verdict clears itself (phone and kiosk alike) so the next guest never reads the last
  // one's. Kiosk: shows, refresh and the connection mode stay behind the PIN.
  const kiosk = useKioskMode();
  // A steward scans and reads; the door's settings below are the supervisor's (domain/supervisor.ts).
  const { role } = useRole();
  const restricted = kiosk.locked || role === 'steward';
  const verdictView = useVerdictView(shows);
  const verdictVisible = useVerdictHold(feedback?.kind === 'verdict' ? feedback.scanId : null, true, scanSettings.verdictMs);

  useEffect(() => attachWedge(window, { onCode: (raw) => void submit(raw, 'scanner'), repeatWindowMs: scanSettings.repeatMs }), [submit, scanSettings.repeatMs]);
  // Stable, so the camera, the typed entry and the tools below are not drawn again per verdict.
  const onSettings = useCallback((patch: Partial<ScannerSettings>) => void updateScanSettings(patch), [updateScanSettings]);
  const onCamera = useCallback((text: string) => void submit(text, 'camera'), [submit]);
  const onTyped = useCallback((raw: string) => void submit(raw, 'typed'), [submit]);

  return (
    <main className="scan">
      <StatusBar counts={counts} countedShows={countedNames} rejected={rejected?.length ?? 0} sync={syncState} online={online} onSendNow={() => void sendNow()} />
      <ConnectivityBadge controls={!kiosk.locked} />
      <ClockWarning />
      <VerdictPanel
        view={verdictView}
        shown={feedback?.kind === 'verdict' && verdictVisible ? { verdict: feedback.verdict, scanId: feedback.scanId } : null}
        nothingAdmitted={shows !== undefined && shows.length > 0 && !shows.some((s) => s.active)}
      />
      {/* Not on a locked kiosk: its screen faces the guest. */}
      {!kiosk.locked && (
        <ScanActions
          latest={feedback?.kind === 'verdict' && feedback.logId ? { verdict: feedback.verdict, logId: feedback.logId } : null}
          visible={feedback?.kind === 'verdict' && verdictVisible}
          onOverridden={show}
        />
      )}
      {/* Under the verdict, never above it: the verdict keeps its place on every screen size. */}
      <DirectionSwitch controls={!kiosk.locked} />
      <ConflictAlert />
      {feedback?.kind === 'empty' && <p className="notice">{t('scan.emptyInput')}</p>}
      {feedback?.kind === 'error' && (
        <p className="error" role="alert">
          {t('scan.error', { message: feedback.message })}
        </p>
      )}
      <CameraPanel settings={scanSettings} onSettings={onSettings} onCode={onCamera} />
      <ManualEntry onSubmit={onTyped} />
      {/* Below the verdict and the camera: an alert that appears never pushes them away. */}
      <DeliveryAlert sync={syncState} online={online} />
      {!restricted && <RejectedAlert count={rejected?.length ?? 0} />}
      {!restricted && <HeldPullAlert />}
      {/* The door's tools, below the fold: not drawn again for each verdict (see DoorTools). */}
      <DoorTools locked={kiosk.locked} restricted={restricted} shows={shows} rejected={rejected} scanSettings={scanSettings} onSettings={onSettings} />
    </main>
  );
}

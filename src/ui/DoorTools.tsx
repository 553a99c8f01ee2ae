import { memo } from 'react';
import type { RejectedCheckIn, Show } from '../domain/types.ts';
import { useSetShowActive, useSettleRejected } from '../state/door.ts';
import type { ScannerSettings } from '../state/scanner-settings.ts';
import { RefreshError, useRefresh } from '../state/setup.ts';
import { ScanSettings } from './camera/ScanSettings.tsx';
import { RejectedList } from './delivery/RejectedList.tsx';
import { VenueStatus } from './delivery/VenueStatus.tsx';
import { describeShowError } from './errors/describe.ts';
import { useI18n } from './i18n/context.tsx';
import { StatsDetails } from './numbers/StatsDetails.tsx';
import { ZoneFilter } from './numbers/ZoneFilter.tsx';
import { AutoRefreshStatus } from './shift/AutoRefreshStatus.tsx';
import { ShowsPanel } from './ShowsPanel.tsx';

interface Props {
  /** A locked kiosk: its screen faces the guest. */
  locked: boolean;
  /** A locked kiosk or a steward: the door's settings are the supervisor's. */
  restricted: boolean;
  shows: Show[] | undefined;
  rejected: RejectedCheckIn[] | undefined;
  scanSettings: ScannerSettings;
  onSettings: (patch: Partial<ScannerSettings>) => void;
}

/**
 * The scan screen's tools below the verdict and the camera: refresh, the venue, shows, zones,
 * numbers, refused records, scan settings. Memoised: the scan screen draws again for every
 * verdict, and on a phone's CPU drawing these again each time held the next guest's verdict.
 */
export const DoorTools = memo(function DoorTools({ locked, restricted, shows, rejected, scanSettings, onSettings }: Props) {
  const { t, plural } = useI18n();
  const setActive = useSetShowActive();
  const settleRejected = useSettleRejected();
  const refresh = useRefresh();
  const pulled = refresh.data;
  const summary = pulled ? t('pull.summary', { tickets: plural('tickets', pulled.listed), added: pulled.added, revoked: pulled.revoked }) : '';
  const refreshError = refresh.error instanceof RefreshError ? refresh.error : null;
  const refreshFailure =
    refreshError?.reason === 'no_token'
      ? t('refresh.noToken')
      : refreshError?.error
        ? describeShowError(t, refreshError.show, refreshError.error)
        : (refresh.error?.message ?? '');

  return (
    <>
      {!locked && (
        <div className="toolbar">
          <button type="button" data-testid="refresh" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
            {refresh.isPending ? t('refresh.running') : t('refresh')}
          </button>
          {refresh.isSuccess && <span role="status">{t('refresh.done', { summary })}</span>}
          {refresh.isError && <span role="alert">{t('refresh.failed', { message: refreshFailure })}</span>}
          <AutoRefreshStatus />
        </div>
      )}
      <VenueStatus />
      {!restricted && shows && shows.length > 0 && <ShowsPanel shows={shows} onToggle={(id, active) => void setActive(id, active)} />}
      {!restricted && <ZoneFilter />}
      {!locked && <StatsDetails />}
      {!restricted && rejected && (
        <RejectedList rejected={rejected} onResend={(id) => void settleRejected.resend(id)} onDismiss={(id, reason) => void settleRejected.dismiss(id, reason)} />
      )}
      {!restricted && <ScanSettings settings={scanSettings} onSettings={onSettings} />}
    </>
  );
});

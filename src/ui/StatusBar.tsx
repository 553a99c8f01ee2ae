import type { DoorCounts, SyncState } from '../state/door.ts';
import { useI18n } from './i18n/context.tsx';

interface Props {
  counts: DoorCounts | undefined;
  /** The shows the counts are of, when the device holds more than one. */
  countedShows?: string[] | undefined;
  /** Rejected records nobody has settled: "all sent" is not true while any is left. */
  rejected: number;
  sync: SyncState;
  online: boolean;
  onSendNow: () => void;
}

/** Always on screen: how many came in, how many are on the list, what still waits to be sent. */
export function StatusBar({ counts, countedShows, rejected, sync, online, onSendNow }: Props) {
  const { t, n, time, plural } = useI18n();
  const pending = counts?.pending ?? 0;
  let syncText: string;
  if (sync.status === 'auth_error') syncText = t('sync.auth', { status: sync.status_code });
  else if (!online && pending > 0) syncText = t('sync.offline');
  else if (sync.status === 'syncing') syncText = t('sync.syncing');
  else if (sync.status === 'waiting' && pending > 0) syncText = t('sync.waiting', { time: time(sync.retryAt), message: t(`delivery.problem.${sync.problem}`) });
  else if (pending === 0 && rejected > 0) syncText = t('rejected.alert', { checkins: plural('checkins', rejected) });
  else if (pending === 0) syncText = t('sync.idle');
  else syncText = t('sync.syncing');
  return (
    <div className="status">
      <dl className="status-counts">
        <div>
          <dt>{t('counts.admitted')}</dt>
          <dd>
            <span data-testid="admitted-count">{n(counts?.admitted ?? 0)}</span>
            {' / '}
            <span data-testid="tickets-stored" data-count={counts?.stored ?? 0}>{counts?.stored ?? 0}</span>
          </dd>
        </div>
        <div className={pending > 0 ? 'status-pending status-pending--waiting' : 'status-pending'}>
          <dt>{t('counts.pending')}</dt>
          <dd>
            <span data-testid="pending-count">{pending}</span>
            {(counts?.awaiting ?? 0) > 0 && (
              <span className="status-awaiting" data-testid="awaiting-count">
                {' '}
                ({t('delivery.awaiting', { count: counts?.awaiting ?? 0 })})
              </span>
            )}
          </dd>
        </div>
      </dl>
      {countedShows && countedShows.length > 0 && (
        <p className="status-shows" data-testid="counted-shows">
          {t('counts.shows', { shows: countedShows.join('; ') })}
        </p>
      )}
      <p className="status-sync" data-testid="sync-state" data-status={sync.status} data-failures={sync.status === 'waiting' ? sync.failures : 0} role={sync.status === 'auth_error' ? 'alert' : undefined}>
        <span className={online && rejected === 0 ? 'dot dot--online' : 'dot dot--offline'} aria-hidden="true" />
        {syncText}
        {/* "Last delivery" only once something was delivered: an empty pass delivered nothing. */}
        {sync.lastDeliveredAt != null && pending > 0 && (
          <span className="status-last" data-testid="last-delivery">
            {' '}
            · {t('sync.lastSuccess', { time: time(sync.lastDeliveredAt) })}
          </span>
        )}
      </p>
      {pending > 0 && online && sync.status !== 'syncing' && (
        <button type="button" className="link-button" onClick={onSendNow}>
          {t('sync.sendNow')}
        </button>
      )}
    </div>
  );
}

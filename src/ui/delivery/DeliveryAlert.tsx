import type { SyncState } from '../../state/door.ts';
import { useI18n } from '../i18n/context.tsx';

/** Failed passes in a row after which a person should look (the first few are ordinary weather). */
export const ALERT_AFTER_FAILURES = 3;

/**
 * Delivery that keeps failing for a reason a person can act on, at the top of the scan screen:
 * our words in the person's language, what to check, and the server's own words only as a quoted
 * detail. A plain lack of network is not an alert: the status line says it, and nothing is lost.
 */
export function DeliveryAlert({ sync, online }: { sync: SyncState; online: boolean }) {
  const { t } = useI18n();
  if (sync.status !== 'waiting' || sync.failures < ALERT_AFTER_FAILURES || !online) return null;
  if (sync.problem === 'network' || sync.problem === 'timeout') return null;
  const headline = sync.status_code !== undefined && sync.status_code !== 200 ? t('delivery.refusing', { status: sync.status_code }) : t('delivery.failing', { problem: t(`delivery.problem.${sync.problem}`) });
  return (
    <div className="alert alert--delivery" role="alert" data-testid="delivery-alert">
      <strong>{headline}</strong>
      <p>{t('delivery.check')}</p>
      {sync.message !== '' && <p className="alert-detail">{t('delivery.detail', { message: sync.message })}</p>}
    </div>
  );
}

/** Rejected records stay an alert at the top until none is left to settle. */
export function RejectedAlert({ count }: { count: number }) {
  const { t, plural } = useI18n();
  if (count === 0) return null;
  return (
    <div className="alert alert--rejected" role="alert" data-testid="rejected-alert">
      {t('rejected.alert', { checkins: plural('checkins', count) })}{' '}
      <button type="button" className="link-button" onClick={() => document.getElementById('rejected')?.scrollIntoView({ block: 'start' })}>
        {t('rejected.show')}
      </button>
    </div>
  );
}

import { usePeriodicRefresh } from '../../state/network.ts';
import { describeShowError } from '../errors/describe.ts';
import { useI18n } from '../i18n/context.tsx';

/** One quiet line: what the last periodic pull brought (new sales, cancellations). */
export function AutoRefreshStatus() {
  const { t, time } = useI18n();
  const { running, last, failure } = usePeriodicRefresh();
  if (running) return <span className="notice" data-testid="auto-refresh">{t('refresh.auto.running')}</span>;
  if (!last) return null;
  return (
    <span className="notice" data-testid="auto-refresh" role={failure ? 'alert' : 'status'}>
      {failure ? t('refresh.auto.failed', { time: time(last.at), message: describeShowError(t, failure.show, failure.error) }) : t('refresh.auto', { time: time(last.at), added: last.added, revoked: last.revoked })}
    </span>
  );
}

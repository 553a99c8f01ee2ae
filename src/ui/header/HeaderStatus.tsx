import { useOnline, useSyncState } from '../../state/door.ts';
import { useConnectivity } from '../../state/network.ts';
import { useI18n } from '../i18n/context.tsx';

type Tone = 'ok' | 'warn' | 'bad';

/**
 * One word on the header line, on every screen: can this device reach the server, and is delivery
 * stuck. Counts stay on the scan screen's status bar. Only in-memory stores feed it — no IndexedDB
 * query that would re-run after every admission beside the scan screen's own.
 */
export function HeaderStatus() {
  const { t, time } = useI18n();
  const online = useOnline();
  const sync = useSyncState();
  const { effective } = useConnectivity();
  let state: string;
  let tone: Tone;
  let text: string;
  // Most urgent first: a refused token stops delivery until someone acts; no network explains everything else.
  if (sync.status === 'auth_error') [state, tone, text] = ['auth_error', 'bad', t('header.status.auth')];
  else if (!online) [state, tone, text] = ['no_network', 'bad', t('header.status.noNetwork')];
  else if (effective === 'offline') [state, tone, text] = ['offline', 'warn', t('header.status.offline')];
  else if (sync.status === 'syncing') [state, tone, text] = ['syncing', 'ok', t('sync.syncing')];
  else if (sync.status === 'waiting') [state, tone, text] = ['waiting', 'warn', t('header.status.retry', { time: time(sync.retryAt) })];
  else [state, tone, text] = ['online', 'ok', t('header.status.online')];
  return (
    <p className={`header-status header-status--${tone}`} data-testid="header-status" data-state={state}>
      <span className="header-status-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('header.status.label')} </span>
      <span className="header-status-text">{text}</span>
    </p>
  );
}

import type { ConnectivityMode } from '../../domain/connectivity.ts';
import { useConnectivity } from '../../state/network.ts';
import { useI18n } from '../i18n/context.tsx';

const MODES: ConnectivityMode[] = ['auto', 'online', 'offline'];

/**
 * Always on the scan screen: the mode in force, and a way to force one. A locked kiosk shows the
 * mode without the `controls`: a guest must not switch the door offline.
 */
export function ConnectivityBadge({ controls = true }: { controls?: boolean }) {
  const { t } = useI18n();
  const { mode, effective, why, setMode } = useConnectivity();
  return (
    <div className="mode-switch" data-testid="conn-mode" data-mode={mode} data-effective={effective} data-why={why ?? undefined}>
      <span className={effective === 'online' ? 'dot dot--online' : 'dot dot--offline'} aria-hidden="true" />
      <span>{t('mode.label', { mode: t(`mode.${mode}`), state: t(`mode.status.${effective}`) })}</span>
      {/* Offline by the door's own fallback or for want of a network: which one, so nobody hunts for Wi-Fi that works. */}
      {(why === 'server' || why === 'no_network') && (
        <span className="mode-why" data-testid="conn-why">
          {' — '}
          {t(`mode.why.${why}`)}
        </span>
      )}
      {controls && (
        <div className="lang" role="group" aria-label={t('mode.title')}>
          {MODES.map((m) => (
            <button key={m} type="button" aria-pressed={m === mode} onClick={() => setMode(m)} data-testid={`conn-mode-${m}`}>
              {t(`mode.${m}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

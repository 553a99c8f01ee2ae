import { useState, type ReactNode } from 'react';
import { useRole } from '../../state/supervisor.ts';
import { useI18n } from '../i18n/context.tsx';
import { PinGate } from '../kiosk/PinGate.tsx';

/**
 * A screen only the supervisor opens (settings, sign-out, the device): a steward who reaches it,
 * by the menu or by typing its address, is told so and may enter the PIN; nothing of it shows.
 */
export function SupervisorOnly({ children, when = true }: { children: ReactNode; when?: boolean }) {
  const { t } = useI18n();
  const { role, pinSet } = useRole();
  const [asking, setAsking] = useState(false);
  if (!when) return children;
  if (pinSet === undefined) return null; // not read yet: neither the screen nor a needless "supervisor only"
  if (role === 'supervisor') return children;
  return (
    <main className="panel" data-testid="supervisor-only">
      <h2>{t('supervisor.only.title')}</h2>
      <p>{t('supervisor.only.detail')}</p>
      <button type="button" className="primary" onClick={() => setAsking(true)} data-testid="supervisor-unlock">
        {t('supervisor.only.unlock')}
      </button>
      {asking && <PinGate onCancel={() => setAsking(false)} onUnlocked={() => setAsking(false)} />}
    </main>
  );
}

/**
 * SupervisorOnly when `when` holds (a set-up door's setup); the screen as it is otherwise (a new
 * device's). One wrapper either way: a wrapper that came and went with `when` remounted the setup
 * screen the moment its own download made the device set up, losing the download and its onDone.
 */
export function SupervisorOnlyIf({ when, children }: { when: boolean; children: ReactNode }) {
  return <SupervisorOnly when={when}>{children}</SupervisorOnly>;
}

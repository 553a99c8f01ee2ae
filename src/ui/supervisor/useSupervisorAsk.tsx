import { useState, type ReactNode } from 'react';
import { useRole } from '../../state/supervisor.ts';
import { PinGate } from '../kiosk/PinGate.tsx';

/**
 * For a supervisor's action on a screen a steward also reads (undo in the history, removing a
 * show): the supervisor goes ahead at once, a steward is asked the PIN first. Render `gate`.
 */
export function useSupervisorAsk(): { ask: (action: () => void) => void; gate: ReactNode } {
  const { role } = useRole();
  const [pending, setPending] = useState<(() => void) | null>(null);
  const ask = (action: () => void) => (role === 'supervisor' ? action() : setPending(() => action));
  const gate = pending && (
    <PinGate
      onCancel={() => setPending(null)}
      onUnlocked={() => {
        setPending(null);
        pending();
      }}
    />
  );
  return { ask, gate };
}

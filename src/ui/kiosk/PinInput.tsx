import { useEffect } from 'react';

/**
 * The one PIN field of every screen that asks for one (the kiosk gate, the supervisor's decisions,
 * setting a PIN, a device's setup QR): digits only as typed, hidden, the phone's number pad, at
 * most 8 digits. `fresh`: a PIN being chosen, so the browser may offer to remember a new one.
 */
export function PinInput({ id, testId, value, onChange, fresh = false, autoFocus = false }: { id: string; testId: string; value: string; onChange: (digits: string) => void; fresh?: boolean; autoFocus?: boolean }) {
  return (
    <input
      id={id}
      data-testid={testId}
      type="password"
      inputMode="numeric"
      autoComplete={fresh ? 'new-password' : 'off'}
      maxLength={8}
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
    />
  );
}

/** A dialog closes on Escape, wherever focus is. */
export function useEscape(onCancel: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
}

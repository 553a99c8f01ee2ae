import { useId, useState, type FormEvent } from 'react';
import { checkOverrideInput, OVERRIDE_REASONS, type OverridableKind } from '../../domain/supervisor.ts';
import type { Verdict } from '../../domain/types.ts';
import { usePinCheck } from '../../state/kiosk.ts';
import { useOverride, useRole } from '../../state/supervisor.ts';
import { useI18n } from '../i18n/context.tsx';
import { PinInput, useEscape } from '../kiosk/PinInput.tsx';

interface Props {
  /** The denied scan's log line. */
  logId: string;
  code: string;
  denied: OverridableKind;
  onDone: (verdict: Verdict) => void;
  onCancel: () => void;
}

/**
 * "Admit anyway": the supervisor's PIN (asked only of a steward), a reason from the short list and
 * words of their own; then the door engine records it (db/supervisor.ts says where it goes).
 */
export function OverrideDialog({ logId, code, denied, onDone, onCancel }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const { role } = useRole();
  const checkPin = usePinCheck();
  const override = useOverride();
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Asked once when the dialog opens: the unlock running out while it is open still needs no PIN
  // typed twice, since the PIN check below unlocks again.
  const [needsPin] = useState(role === 'steward');
  // Where the override goes is known for sure only once recorded (a "too early" ticket may be used
  // already: the window is checked first); said beforehand only where the denial decides it.
  const local = denied === 'already_checked' || denied === 'revoked';

  useEscape(onCancel);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const input = checkOverrideInput(reason, text);
    if (!input.ok) return setError(t(input.problem === 'no_reason' ? 'override.noReason' : 'override.noText'));
    if (needsPin && !pin) return setError(t('override.noPin'));
    setBusy(true);
    try {
      if (needsPin) {
        const check = await checkPin(pin);
        setPin('');
        if (!check.ok) {
          setError(check.waitMs > 0 ? t('kiosk.gate.wait', { seconds: Math.ceil(check.waitMs / 1000) }) : t('kiosk.gate.wrong'));
          return;
        }
      }
      const outcome = await override(logId, { reason: input.reason, ...(input.text ? { text: input.text } : {}) });
      if (outcome.ok) onDone(outcome.verdict);
      else setError(t(`override.failed.${outcome.reason}`));
    } catch (failure) {
      setError(t('override.failed.error', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pin-backdrop">
      <form className="override-dialog panel" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={(e) => void submit(e)} data-testid="override-dialog">
        <h2 id={titleId}>{t('override.title')}</h2>
        <p>{t('override.ticket', { code, verdict: t(`verdict.${denied}`) })}</p>
        {needsPin && (
          <>
            <label htmlFor={`${titleId}-pin`}>{t('override.pin')}</label>
            <PinInput id={`${titleId}-pin`} testId="override-pin" value={pin} onChange={setPin} autoFocus />
          </>
        )}
        <fieldset>
          <legend>{t('override.reason')}</legend>
          {OVERRIDE_REASONS.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name={`${titleId}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} data-testid={`override-reason-${r}`} />
              <span>{t(`override.reason.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${titleId}-text`}>{t('override.text')}</label>
        <input id={`${titleId}-text`} data-testid="override-text" type="text" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
        {local && <p className="hint">{t('override.delivery.local')}</p>}
        {error && (
          <p role="alert" className="error" data-testid="override-error">
            {error}
          </p>
        )}
        <div className="pin-actions">
          <button type="button" onClick={onCancel}>
            {t('override.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="override-submit">
            {t('override.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

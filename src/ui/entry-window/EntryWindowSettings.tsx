// The supervisor's entry window: how long before the doors and after the end a ticket still
// admits, and whether a ticket outside that is refused or let in with a warning.
import { useState } from 'react';
import { MAX_TOLERANCE_MINUTES, type EntryWindowPolicy, type WindowAction } from '../../domain/entry-window.ts';
import { useEntryWindow } from '../../state/entry-window.ts';
import { useI18n } from '../i18n/context.tsx';

type Edge = 'early' | 'late';
const MINUTES_OF = { early: 'earlyMinutes', late: 'lateMinutes' } as const;

function Tolerance({ edge, policy, update }: { edge: Edge; policy: EntryWindowPolicy; update: (patch: Partial<EntryWindowPolicy>) => Promise<boolean> }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const field = MINUTES_OF[edge];
  const id = `entry-window-${edge}`;
  const commit = async () => {
    if (draft === null) return;
    const value = Number(draft.trim());
    const ok = draft.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_TOLERANCE_MINUTES && (await update({ [field]: value }));
    setInvalid(!ok);
    if (ok) setDraft(null);
  };
  const action = (a: WindowAction) => void update({ [edge]: a });
  return (
    <fieldset className="entry-window-edge">
      <legend>{t(edge === 'early' ? 'entryWindow.earlyAction' : 'entryWindow.lateAction')}</legend>
      <label htmlFor={id}>{t(edge === 'early' ? 'entryWindow.early' : 'entryWindow.late')}</label>
      <input
        id={id}
        data-testid={id}
        inputMode="numeric"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        value={draft ?? String(policy[field])}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => e.key === 'Enter' && void commit()}
      />
      {invalid && (
        <p id={`${id}-error`} role="alert" className="error">
          {t('entryWindow.invalid', { max: MAX_TOLERANCE_MINUTES })}
        </p>
      )}
      <div className="lang" role="group" aria-label={t(edge === 'early' ? 'entryWindow.earlyAction' : 'entryWindow.lateAction')}>
        {(['deny', 'warn'] as const).map((a) => (
          <button key={a} type="button" aria-pressed={policy[edge] === a} onClick={() => action(a)} data-testid={`${id}-${a}`}>
            {t(a === 'deny' ? 'entryWindow.deny' : 'entryWindow.warn')}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function EntryWindowSettings() {
  const { t } = useI18n();
  const [policy, update] = useEntryWindow();
  if (!policy) return null;
  return (
    <section className="panel" data-testid="entry-window">
      <h3>{t('entryWindow.title')}</h3>
      <p className="hint">{t('entryWindow.hint')}</p>
      <Tolerance edge="early" policy={policy} update={update} />
      <Tolerance edge="late" policy={policy} update={update} />
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useNote } from '../../state/supervisor.ts';
import { useI18n } from '../i18n/context.tsx';
import { useEscape } from '../kiosk/PinInput.tsx';

/** A note on one scan ("без браслета"), kept on its line in the history and the CSV. Anyone may write one. */
export function NoteDialog({ logId, code, initial = '', onDone, onCancel }: { logId: string; code: string; initial?: string; onDone: (note: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const note = useNote();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  useEscape(onCancel);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await note(logId, text).catch(() => false);
    if (saved) onDone(text.trim());
    else setError(t('note.failed'));
  };

  return (
    <div className="pin-backdrop">
      <form className="override-dialog panel" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={(e) => void submit(e)} data-testid="note-dialog">
        <h2 id={titleId}>{t('note.title', { code })}</h2>
        <label htmlFor={`${titleId}-text`}>{t('note.label')}</label>
        <input id={`${titleId}-text`} data-testid="note-text" type="text" maxLength={200} autoFocus value={text} onChange={(e) => setText(e.target.value)} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="pin-actions">
          <button type="button" onClick={onCancel}>
            {t('note.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="note-save">
            {t('note.save')}
          </button>
        </div>
      </form>
    </div>
  );
}

import { useState } from 'react';
import { isOverridable, type OverridableKind } from '../../domain/supervisor.ts';
import type { Verdict } from '../../domain/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { NoteDialog } from './NoteDialog.tsx';
import { OverrideDialog } from './OverrideDialog.tsx';

interface Props {
  /** The latest verdict and its log line, on screen or just cleared. */
  latest: { verdict: Verdict; logId: string } | null;
  /** Whether that verdict is still on screen: the buttons go with it, an open dialog stays. */
  visible: boolean;
  onOverridden: (verdict: Verdict, logId: string) => void;
}

type Open = { kind: 'override'; logId: string; code: string; denied: OverridableKind } | { kind: 'note'; logId: string; code: string } | null;

/** Under the verdict: "admit anyway" on a denial a supervisor may override, and a note on any scan. */
export function ScanActions({ latest, visible, onOverridden }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [noted, setNoted] = useState<{ logId: string; note: string } | null>(null);
  const v = latest?.verdict;
  const overridable = v && isOverridable(v.kind) ? (v.kind as OverridableKind) : null;
  return (
    <>
      {latest && v && visible && (
        <div className="toolbar scan-actions" data-testid="scan-actions">
          {overridable && (
            <button type="button" onClick={() => setOpen({ kind: 'override', logId: latest.logId, code: v.code, denied: overridable })} data-testid="override-offer">
              {t('override.offer')}
            </button>
          )}
          <button type="button" onClick={() => setOpen({ kind: 'note', logId: latest.logId, code: v.code })} data-testid="note-add">
            {t('note.add')}
          </button>
          {noted?.logId === latest.logId && noted.note && (
            <span role="status" data-testid="note-saved">
              {t('note.saved', { note: noted.note })}
            </span>
          )}
        </div>
      )}
      {open?.kind === 'override' && (
        <OverrideDialog
          logId={open.logId}
          code={open.code}
          denied={open.denied}
          onCancel={() => setOpen(null)}
          onDone={(verdict) => {
            setOpen(null);
            onOverridden(verdict, open.logId);
          }}
        />
      )}
      {open?.kind === 'note' && (
        <NoteDialog
          logId={open.logId}
          code={open.code}
          initial={noted?.logId === open.logId ? noted.note : ''}
          onCancel={() => setOpen(null)}
          onDone={(note) => {
            setOpen(null);
            setNoted({ logId: open.logId, note });
          }}
        />
      )}
    </>
  );
}

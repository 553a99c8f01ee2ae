import type { ScanRecord } from '../../domain/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { overrideReasonText } from './OverrideLine.tsx';

/** On a history row: the supervisor's override with its reason, and the note on the scan. */
export function HistoryDecisions({ scan }: { scan: ScanRecord }) {
  const { t } = useI18n();
  return (
    <>
      {scan.override && (
        <span className="verdict-tag verdict-tag--valid" data-testid="history-override" data-delivery={scan.override.delivery}>
          {t('history.override', { reason: overrideReasonText(t, scan.override) })}
          {scan.override.delivery === 'local' && <> ({t('history.override.local')})</>}
        </span>
      )}
      {scan.note && <small data-testid="history-note">{t('history.note', { note: scan.note })}</small>}
    </>
  );
}

import { useEffect } from 'react';
import { attachWedge } from '../scanner/wedge.ts';
import { useDoorCounts, useOnline, useRejected, useScan, useSetShowActive, useShows, useSyncState } from '../state/door.ts';
import { useServices } from '../state/services.tsx';
import { useRefresh } from '../state/setup.ts';
import { useI18n } from './i18n/context.tsx';
import { ManualEntry } from './ManualEntry.tsx';
import { RejectedList } from './RejectedList.tsx';
import { ShowsPanel } from './ShowsPanel.tsx';
import { StatusBar } from './StatusBar.tsx';
import { VerdictPanel } from './VerdictPanel.tsx';

export function ScanScreen() {
  const { t, plural, locale } = useI18n();
  const { sync } = useServices();
  const shows = useShows();
  const counts = useDoorCounts(shows);
  const syncState = useSyncState();
  const online = useOnline();
  const rejected = useRejected();
  const setActive = useSetShowActive();
  const refresh = useRefresh(locale);
  const { feedback, submit } = useScan();

  useEffect(() => attachWedge(window, { onCode: (raw) => void submit(raw, 'scanner') }), [submit]);

  const pulled = refresh.data?.outcomes.flatMap((o) => (o.ok ? [o.result] : [])) ?? [];
  const summary = pulled.length
    ? t('pull.summary', {
        tickets: plural('tickets', pulled.reduce((s, r) => s + r.listed, 0)),
        added: pulled.reduce((s, r) => s + r.added, 0),
        revoked: pulled.reduce((s, r) => s + r.revoked, 0),
      })
    : '';

  return (
    <main className="scan">
      <StatusBar counts={counts} sync={syncState} online={online} onSendNow={() => void sync.flushNow()} />
      <VerdictPanel shown={feedback?.kind === 'verdict' ? { verdict: feedback.verdict, scanId: feedback.scanId } : null} />
      {feedback?.kind === 'empty' && <p className="notice">{t('scan.emptyInput')}</p>}
      {feedback?.kind === 'error' && (
        <p className="error" role="alert">
          {t('scan.error', { message: feedback.message })}
        </p>
      )}
      <ManualEntry onSubmit={(raw) => void submit(raw, 'typed')} />
      <div className="toolbar">
        <button type="button" data-testid="refresh" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
          {refresh.isPending ? t('refresh.running') : t('refresh')}
        </button>
        {refresh.isSuccess && <span role="status">{t('refresh.done', { summary })}</span>}
        {refresh.isError && <span role="alert">{t('refresh.failed', { message: refresh.error.message })}</span>}
      </div>
      {shows && shows.length > 0 && <ShowsPanel shows={shows} onToggle={(id, active) => void setActive(id, active)} />}
      {rejected && <RejectedList rejected={rejected} />}
    </main>
  );
}

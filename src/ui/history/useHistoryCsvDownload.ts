import { useShows } from '../../state/door.ts';
import { useHistoryExport } from '../../state/history.ts';
import { historyCsv } from './history-csv.ts';

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The whole scan history as a CSV file (history screen, and sign-out before data is wiped). */
export function useHistoryCsvDownload(): () => Promise<void> {
  const shows = useShows();
  const exportAll = useHistoryExport();
  return async () => {
    const all = await exportAll();
    const day = new Date().toISOString().slice(0, 10);
    download(historyCsv(all, shows ?? []), `kontrol-history-${day}.csv`);
  };
}

// The outbox as the page's IndexedDB holds it: what must reach the server, with the time it must carry.
import type { Page } from '@playwright/test';

export function readOutbox(page: Page): Promise<{ code: string; checkedAt: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kontrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('outbox').objectStore('outbox').getAll();
          read.onsuccess = () => {
            resolve((read.result as { code: string; checkedAt: string }[]).map(({ code, checkedAt }) => ({ code, checkedAt })));
            open.result.close();
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

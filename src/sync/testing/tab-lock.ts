// Stands in for Web Locks (`navigator.locks.request('kontrol-outbox-flush', fn)`, see loop.ts
// webLock) in Node: one lock shared by the "tabs" of a test, so their flushes never overlap,
// exactly what the browser grants across real tabs. A new lock stands for a restarted browser,
// whose locks died with the old tabs.
export function createTabLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

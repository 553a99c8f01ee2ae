// The linter holds the house's boundaries: a deliberately bad file in ui/ is refused for each
// kind of trespass, and the same file done right passes. Linted with the project's own config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it('refuses a ui/ file that reaches into db/, sync/, scanner/ or the network and storage', async () => {
    const bad = [
      "import { pendingCount } from '../db/outbox.ts';",
      "import { flushOutbox } from '../sync/flush.ts';",
      "import { attachWedge } from '../scanner/wedge.ts';",
      "import { createDoor } from '../door/engine.ts';",
      "import { useServices } from '../state/services.tsx';",
      'export const a = [pendingCount, flushOutbox, attachWedge, createDoor, useServices];',
      "export const b = () => fetch('/api/rest/v1/events');",
      "export const c = () => localStorage.getItem('x');",
      "export const d = () => window.indexedDB.open('kontrol');",
    ].join('\n');
    const found = await problems(bad, 'src/ui/BadFixture.tsx');
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(5);
    expect(found.some((p) => p.includes("'fetch'"))).toBe(true);
    expect(found.some((p) => p.includes("'localStorage'"))).toBe(true);
    expect(found.some((p) => p.startsWith('no-restricted-properties') && p.includes('indexedDB'))).toBe(true);
  });

  it('refuses React in the engine and fetch in db/', async () => {
    expect(await problems("import { useState } from 'react';\nexport const s = useState;", 'src/door/BadFixture.ts')).toEqual([expect.stringContaining('runs without React')]);
    expect(await problems("export const f = () => fetch('/x');", 'src/db/BadFixture.ts')).toEqual([expect.stringContaining('api/')]);
  });

  it('keeps state/ to thin hooks over the door: no db/, api/, sync/ or Dexie of its own', async () => {
    const bad = [
      "import { listShows } from '../db/shows.ts';",
      "import { flushOutbox } from '../sync/flush.ts';",
      "import { probeServerClock } from '../api/server-clock.ts';",
      "import { liveQuery } from 'dexie';",
      "import { useLiveQuery } from 'dexie-react-hooks';",
      'export const a = [listShows, flushOutbox, probeServerClock, liveQuery, useLiveQuery];',
    ].join('\n');
    expect((await problems(bad, 'src/state/BadFixture.ts')).filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(5);
    const good = "import { useObservable } from 'dexie-react-hooks';\nimport type { Door } from '../door/engine.ts';\nexport const a = useObservable;\nexport type D = Door;";
    expect(await problems(good, 'src/state/GoodFixture.ts')).toEqual([]);
  });

  it('lets the same things through where they belong', async () => {
    expect(await problems("import { useShows } from '../state/door.ts';\nexport const a = useShows;", 'src/ui/GoodFixture.tsx')).toEqual([]);
    expect(await problems("export const f = () => fetch('/x');", 'src/api/GoodFixture.ts')).toEqual([]);
    expect(await problems("export const c = () => localStorage.getItem('x');", 'src/db/GoodFixture.ts')).toEqual([]);
  });
});

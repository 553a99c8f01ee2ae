// The first-load measurement follows what a browser fetches before first paint, and nothing more:
// were it to miss a static import the figure would look better than the page is; were it to count
// an import() chunk, splitting would seem to gain nothing.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryAssets, measureFirstLoad, staticImports } from './first-load-size.ts';

describe('first load', () => {
  it('reads the entry script, its stylesheet and modulepreloads from index.html, not icons or the manifest', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/shared-b.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">
      <link rel="icon" href="/favicon.svg"><link rel="manifest" href="/manifest.webmanifest">`;
    expect(entryAssets(html)).toEqual(['assets/index-a.js', 'assets/shared-b.js', 'assets/index-c.css']);
  });

  it('follows static imports and re-exports of minified chunks, not dynamic import()', () => {
    const chunk = 'import{a as b}from"./dexie-1.js";import"./side-2.js";export{c}from`./re-3.js`;const s=()=>import(`./SetupRoute-4.js`);';
    expect(staticImports(chunk, 'assets/index-a.js')).toEqual(['assets/dexie-1.js', 'assets/side-2.js', 'assets/re-3.js']);
  });

  it('counts a chunk shared by two imports once and lists import() chunks as on demand', () => {
    const dist = mkdtempSync(join(tmpdir(), 'first-load-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/assets/index.js"></script><link rel="stylesheet" href="/assets/index.css">');
    writeFileSync(join(dist, 'assets/index.js'), 'import"./a.js";import"./b.js";import(`./lazy.js`);');
    writeFileSync(join(dist, 'assets/a.js'), 'import"./shared.js";');
    writeFileSync(join(dist, 'assets/b.js'), 'import"./shared.js";');
    writeFileSync(join(dist, 'assets/shared.js'), 'export const x=1;'.repeat(100));
    writeFileSync(join(dist, 'assets/lazy.js'), 'export const y=2;');
    writeFileSync(join(dist, 'assets/index.css'), 'body{margin:0}');
    const { first, onDemand } = measureFirstLoad(dist);
    expect(first.map((a) => a.file).sort()).toEqual(['assets/a.js', 'assets/b.js', 'assets/index.css', 'assets/index.js', 'assets/shared.js']);
    expect(onDemand.map((a) => a.file)).toEqual(['assets/lazy.js']);
    const shared = first.find((a) => a.file === 'assets/shared.js')!;
    expect(shared.raw).toBe(1700);
    expect(shared.gzip).toBeLessThan(shared.raw);
  });
});

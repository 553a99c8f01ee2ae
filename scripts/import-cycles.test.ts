// No import cycles in the app or the server, type-only ones included: a cycle makes "where does X
// live" a circle, and a value cycle can read a module before it ran. dpdm keeps type imports
// (`transform: false`), which the usual lint rule skips.
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

describe('imports', () => {
  it('form no cycle, not even through a type', async () => {
    const tree = await parseDependencyTree(['src/**/*.ts', 'src/**/*.tsx', 'server/**/*.ts'], {
      context: process.cwd(),
      transform: false,
      skipDynamicImports: false,
      exclude: /node_modules/,
    });
    expect(Object.keys(tree).length).toBeGreaterThan(200); // the whole house was read
    expect(parseCircular(tree).map((cycle) => cycle.join(' → '))).toEqual([]);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import type { DecodeEngine, DecodePass } from './engines/engine.ts';
import { createFrameProcessor } from './frame-processor.ts';

const frame = { width: 4, height: 4, data: new Uint8ClampedArray(64).fill(200) } as unknown as ImageData;

describe('frame processor', () => {
  it("decodes with the schedule's pass and passes a located symbol on", async () => {
    const passes: (DecodePass | undefined)[] = [];
    const engine: DecodeEngine = {
      kind: 'wasm',
      decode: (_f, pass) => {
        passes.push(pass);
        return Promise.resolve(pass === 'thorough' ? { hit: { text: 'A1', format: 'qr_code' }, located: false } : { hit: null, located: true });
      },
      dispose() {},
    };
    const p = createFrameProcessor(engine);
    expect(await p.process(frame)).toMatchObject({ hit: null, located: true });
    expect(await p.process(frame, 'thorough')).toMatchObject({ hit: { text: 'A1' }, located: false });
    expect(passes).toEqual(['fast', 'thorough']);
  });

  it('turns a decoder fault into an empty frame, so the door keeps scanning', async () => {
    const engine: DecodeEngine = { kind: 'wasm', decode: () => Promise.reject(new Error('wasm trap')), dispose() {} };
    const r = await createFrameProcessor(engine).process(frame, 'thorough');
    expect(r).toMatchObject({ hit: null, located: false });
    expect(r.stats.luminance).toBeCloseTo(200, 0);
  });
});

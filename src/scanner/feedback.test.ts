// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFeedback, TONES, VIBRATION } from './feedback.ts';

class FakeParam {
  setValueAtTime() {}
  linearRampToValueAtTime() {}
}
class FakeAudioContext {
  static instances: FakeAudioContext[] = [];
  state: AudioContextState = 'suspended';
  currentTime = 0;
  destination = {};
  oscillators: { type: string; frequency: { value: number } }[] = [];
  constructor() {
    FakeAudioContext.instances.push(this);
  }
  resume() {
    this.state = 'running';
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
  createGain() {
    return { gain: new FakeParam(), connect: (x: unknown) => x };
  }
  createOscillator() {
    const osc = { type: '', frequency: { value: 0 }, connect: (x: unknown) => x, start() {}, stop() {} };
    this.oscillators.push(osc);
    return osc;
  }
}

afterEach(() => {
  FakeAudioContext.instances = [];
});

function setup() {
  vi.stubGlobal('AudioContext', FakeAudioContext);
  const vibrate = vi.fn(() => true);
  Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
  return { vibrate };
}

describe('createFeedback', () => {
  it('stays silent until a user gesture resumed the audio context, then plays distinct tones', async () => {
    setup();
    const fb = createFeedback({ sound: true, vibration: false });
    const ctx = FakeAudioContext.instances[0]!;
    fb.play('admit');
    expect(ctx.oscillators).toHaveLength(0);
    window.dispatchEvent(new Event('pointerdown'));
    await Promise.resolve();
    expect(ctx.state).toBe('running');
    fb.play('admit');
    fb.play('deny');
    fb.play('warn');
    const freqs = ctx.oscillators.map((o) => o.frequency.value);
    expect(freqs).toEqual([...TONES.admit, ...TONES.deny, ...TONES.warn].filter((t) => t.freq > 0).map((t) => t.freq));
    fb.dispose();
  });

  it('vibrates with a pattern per kind, and each channel can be switched off', async () => {
    const { vibrate } = setup();
    const fb = createFeedback({ sound: false, vibration: true });
    await fb.unlock();
    fb.play('deny');
    expect(vibrate).toHaveBeenLastCalledWith(VIBRATION.deny);
    expect(FakeAudioContext.instances[0]!.oscillators).toHaveLength(0);
    fb.setOptions({ vibration: false, sound: true });
    fb.play('warn');
    expect(vibrate).toHaveBeenCalledTimes(1);
    expect(FakeAudioContext.instances[0]!.oscillators.length).toBeGreaterThan(0);
    expect(new Set(Object.values(VIBRATION).map((p) => p.join(','))).size).toBe(3);
  });
});

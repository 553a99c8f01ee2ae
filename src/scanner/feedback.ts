// Sound and vibration for verdicts. Tones are synthesised with Web Audio oscillators, so there
// are no audio files to fetch or precache. Browsers keep an AudioContext suspended until a user
// gesture: the context is created up front and resumed on the first tap or key press.

export type FeedbackKind = 'admit' | 'deny' | 'warn';

export interface FeedbackOptions {
  sound: boolean;
  vibration: boolean;
  /** 0…1; default 0.3. */
  volume?: number;
}

export interface Feedback {
  play(kind: FeedbackKind): void;
  setOptions(options: Partial<FeedbackOptions>): void;
  /** Resume audio now (call from a click handler if you have one; also done automatically). */
  unlock(): Promise<void>;
  dispose(): void;
}

interface Tone {
  freq: number;
  ms: number;
  type: OscillatorType;
}

/** Distinct by ear and by hand: one short high beep, a low double buzz, two mid beeps. */
export const TONES: Record<FeedbackKind, Tone[]> = {
  admit: [{ freq: 1320, ms: 120, type: 'sine' }],
  deny: [
    { freq: 220, ms: 220, type: 'square' },
    { freq: 0, ms: 60, type: 'sine' },
    { freq: 180, ms: 320, type: 'square' },
  ],
  warn: [
    { freq: 660, ms: 120, type: 'triangle' },
    { freq: 0, ms: 80, type: 'sine' },
    { freq: 660, ms: 120, type: 'triangle' },
  ],
};

export const VIBRATION: Record<FeedbackKind, number[]> = {
  admit: [60],
  deny: [250, 100, 250],
  warn: [80, 80, 80],
};

type AudioCtor = typeof AudioContext;

export function createFeedback(initial: FeedbackOptions): Feedback {
  let options: FeedbackOptions = { volume: 0.3, ...initial };
  const Ctor: AudioCtor | undefined =
    typeof window !== 'undefined'
      ? (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioCtor }).webkitAudioContext)
      : undefined;
  let ctx: AudioContext | null = null;
  try {
    ctx = Ctor ? new Ctor() : null;
  } catch {
    ctx = null;
  }

  const gestureEvents = ['pointerdown', 'keydown', 'touchend'] as const;
  const onGesture = () => void unlock();
  const listen = (on: boolean) => {
    if (typeof window === 'undefined') return;
    for (const e of gestureEvents) {
      if (on) window.addEventListener(e, onGesture, { capture: true, passive: true });
      else window.removeEventListener(e, onGesture, { capture: true });
    }
  };

  async function unlock() {
    if (!ctx || ctx.state !== 'suspended') {
      listen(false);
      return;
    }
    try {
      await ctx.resume();
    } catch {
      return;
    }
    if ((ctx.state as AudioContextState) === 'running') listen(false);
  }

  if (ctx) listen(true);

  function beep(kind: FeedbackKind) {
    if (!ctx || ctx.state !== 'running') return;
    let t = ctx.currentTime + 0.01;
    const peak = Math.max(0, Math.min(1, options.volume ?? 0.3));
    for (const tone of TONES[kind]) {
      const seconds = tone.ms / 1000;
      if (tone.freq > 0) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = tone.type;
        osc.frequency.value = tone.freq;
        // Short ramps avoid the click of a square edge.
        gain.gain.setValueAtTime(0, t);
        gain.gain.linearRampToValueAtTime(peak, t + 0.01);
        gain.gain.setValueAtTime(peak, t + seconds - 0.02);
        gain.gain.linearRampToValueAtTime(0, t + seconds);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t);
        osc.stop(t + seconds);
      }
      t += seconds;
    }
  }

  return {
    play(kind) {
      if (options.sound) beep(kind);
      if (options.vibration && typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') {
        try {
          navigator.vibrate(VIBRATION[kind]);
        } catch {
          // iOS has no vibrate; some browsers throw when not user-activated.
        }
      }
    },
    setOptions(next) {
      options = { ...options, ...next };
    },
    unlock,
    dispose() {
      listen(false);
      void ctx?.close().catch(() => {});
      ctx = null;
    },
  };
}

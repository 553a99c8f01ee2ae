import { describe, expect, it } from 'vitest';
import { planRect, DEFAULT_ROI } from './roi.ts';
import { createFrameSchedule, DEFAULT_CYCLE, type FramePlan, type FrameSchedule } from './schedule.ts';

const empty = { read: false, located: false };
const located = { read: false, located: true };

/** Plans of `n` frames, each answered by `outcome(plan, i)`. */
function run(s: FrameSchedule, n: number, outcome: (p: FramePlan, i: number) => { read: boolean; located: boolean } = () => empty) {
  const plans: FramePlan[] = [];
  for (let i = 0; i < n; i++) {
    const p = s.next();
    plans.push(p);
    s.record(outcome(p, i));
  }
  return plans;
}

const tag = (p: FramePlan) => `${p.region}${p.scale === 1 ? '' : p.scale}:${p.pass}`;

describe('frame schedule', () => {
  it('on empty frames takes the whole frame and the region in turn, fast, and one thorough frame per cycle', () => {
    const plans = run(createFrameSchedule(), 32);
    const thorough = plans.flatMap((p, i) => (p.pass === 'thorough' ? [i] : []));
    expect(thorough).toEqual([15, 31]); // one in sixteen: an empty frame stays on the cheap pass
    expect(plans.slice(0, 4).map(tag)).toEqual(['full0.8:fast', 'roi:fast', 'full0.8:fast', 'roi:fast']);
    expect(plans[15]).toEqual({ region: 'full', scale: 1, pass: 'thorough' });
    expect(plans.slice(16).map(tag)).toEqual(plans.slice(0, 16).map(tag));
  });

  it('looks thoroughly at the region where the fast pass located a symbol, then goes on with the cycle', () => {
    const s = createFrameSchedule({ cycle: [{ region: 'roi', scale: 1, pass: 'fast' }, { region: 'full', scale: 0.5, pass: 'fast' }] });
    const plans = run(s, 5, (p, i) => (i === 1 ? located : empty));
    expect(plans.map(tag)).toEqual(['roi:fast', 'full0.5:fast', 'full:thorough', 'roi:fast', 'full0.5:fast']);
  });

  it('never spends every frame on the thorough pass while an unreadable symbol stays in view', () => {
    const plans = run(createFrameSchedule(), 40, () => located);
    const thorough = plans.filter((p) => p.pass === 'thorough').length;
    expect(thorough).toBeGreaterThan(15);
    expect(thorough).toBeLessThanOrEqual(21);
    plans.forEach((p, i) => {
      if (i > 0 && p.pass === 'thorough' && plans[i - 1]!.pass === 'thorough') {
        // Two in a row only where the cycle's own thorough frame follows a chase.
        expect(plans[i - 1]).toEqual({ region: 'full', scale: 1, pass: 'thorough' });
      }
    });
  });

  it('does not chase after a read, nor when chasing is off', () => {
    expect(run(createFrameSchedule(), 4, () => ({ read: true, located: true })).map((p) => p.pass)).toEqual(['fast', 'fast', 'fast', 'fast']);
    expect(run(createFrameSchedule({ chase: false }), 4, () => located).map((p) => p.pass)).toEqual(['fast', 'fast', 'fast', 'fast']);
  });

  it('gives the same plan again until the frame was recorded, and starts over on reset', () => {
    const s = createFrameSchedule();
    const first = s.next();
    expect(s.next()).toBe(first); // a frame dropped before decoding does not skip a look
    s.record(empty);
    expect(s.next()).toEqual(DEFAULT_CYCLE[1]);
    s.record(located);
    s.reset();
    expect(s.next()).toEqual(DEFAULT_CYCLE[0]);
  });
});

describe('planRect', () => {
  it('crops the region at full size and scales the whole frame down', () => {
    expect(planRect(1280, 720, { region: 'roi', scale: 1, pass: 'fast' }, DEFAULT_ROI)).toEqual({ sx: 128, sy: 72, sw: 1024, sh: 576, outWidth: 1024, outHeight: 576 });
    expect(planRect(1280, 720, { region: 'full', scale: 0.7, pass: 'fast' }, DEFAULT_ROI)).toEqual({ sx: 0, sy: 0, sw: 1280, sh: 720, outWidth: 896, outHeight: 504 });
  });

  it('never scales up, and still caps the long side', () => {
    expect(planRect(640, 480, { region: 'full', scale: 3, pass: 'thorough' }, DEFAULT_ROI)).toMatchObject({ outWidth: 640, outHeight: 480 });
    expect(planRect(1920, 1080, { region: 'full', scale: 1, pass: 'fast' }, DEFAULT_ROI, 960)).toMatchObject({ outWidth: 960, outHeight: 540 });
  });
});

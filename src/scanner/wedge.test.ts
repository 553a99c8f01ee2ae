// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPED_GAP_MS } from './burst.ts';
import { attachWedge, RELEASE_AFTER_MS, type WedgeOptions } from './wedge.ts';

let t = 0;
const advance = (ms: number) => {
  t += ms;
  vi.advanceTimersByTime(ms);
};

/** One keydown as the browser sends it; returns the event to ask whether its default was cancelled. */
function press(target: EventTarget, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** Keys `gap` ms apart, then the terminator (if any) `gap` ms later; returns every event. */
function type(target: EventTarget, text: string, { gap = 5, end = 'Enter' as string | null } = {}): KeyboardEvent[] {
  const events: KeyboardEvent[] = [];
  for (const [i, key] of [...text, ...(end ? [end] : [])].entries()) {
    if (i > 0) advance(gap);
    events.push(press(target, key));
  }
  return events;
}

let detach: () => void = () => undefined;
function attach(options: Partial<WedgeOptions> = {}): string[] {
  const codes: string[] = [];
  detach = attachWedge(window, { onCode: (c) => codes.push(c), now: () => t, ...options });
  return codes;
}

function field(attrs: Record<string, string> = {}): HTMLInputElement {
  const input = document.createElement('input');
  for (const [k, v] of Object.entries(attrs)) input.setAttribute(k, v);
  document.body.append(input);
  input.focus();
  return input;
}

beforeEach(() => {
  vi.useFakeTimers();
  t = 1_000;
});
afterEach(() => {
  detach();
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('wedge with nothing editable focused', () => {
  it('reads a burst ended by Enter, and nothing once detached', () => {
    const codes = attach();
    type(document.body, '871495495233');
    detach();
    advance(2_000);
    type(document.body, '1');
    expect(codes).toEqual(['871495495233']);
  });

  it('still reads a code a person types slowly and ends with Enter', () => {
    const codes = attach();
    type(document.body, '12345', { gap: 300 });
    expect(codes).toEqual(['12345']);
  });

  it('forgets keystrokes after a pause', () => {
    const codes = attach();
    press(document.body, '9');
    advance(TYPED_GAP_MS + 1);
    type(document.body, '1');
    expect(codes).toEqual(['1']);
  });

  it('ends a burst on Tab, and the Tab moves no focus', () => {
    const codes = attach();
    const events = type(document.body, '871495495233', { end: 'Tab' });
    expect(codes).toEqual(['871495495233']);
    expect(events.at(-1)!.defaultPrevented).toBe(true);
  });

  it("a scanner's late first key is still part of the code", () => {
    const codes = attach();
    press(document.body, '8');
    advance(45);
    type(document.body, '72786637348', { end: 'Tab' });
    expect(codes).toEqual(['872786637348']);
  });

  it('leaves a Tab after slow typing to move focus', () => {
    const codes = attach();
    const events = type(document.body, '871495495233', { gap: 200, end: 'Tab' });
    expect(codes).toEqual([]);
    expect(events.at(-1)!.defaultPrevented).toBe(false);
  });

  it('a Space inside a code never scrolls; a Space on its own still does', () => {
    const codes = attach();
    expect(press(document.body, ' ').defaultPrevented).toBe(false);
    advance(2_000);
    const events = type(document.body, '8785 1877 6863');
    expect(codes).toEqual(['8785 1877 6863']);
    for (const e of events.filter((e) => e.key === ' ')) expect(e.defaultPrevented).toBe(true);
  });
});

describe('wedge repeat window', () => {
  it('a double read within the window is one read; after the window it is a read again', () => {
    const codes = attach({ repeatWindowMs: 3_000 });
    type(document.body, '871495495233');
    advance(300);
    type(document.body, '871495495233');
    expect(codes).toEqual(['871495495233']);
    advance(3_000);
    type(document.body, '871495495233');
    expect(codes).toEqual(['871495495233', '871495495233']);
  });

  it('the same code spaced differently is the same read; another code is not', () => {
    const codes = attach({ repeatWindowMs: 3_000 });
    type(document.body, '878518776863');
    advance(300);
    type(document.body, '8785 1877 6863');
    advance(300);
    type(document.body, '871495495233');
    expect(codes).toEqual(['878518776863', '871495495233']);
  });

  it('the same code after another one is a new scan, within the window too (a ticket handed back)', () => {
    const codes = attach({ repeatWindowMs: 3_000 });
    type(document.body, '871495495233');
    advance(400);
    type(document.body, '878518776863');
    advance(400);
    type(document.body, '871495495233');
    advance(300);
    type(document.body, '871495495233');
    expect(codes).toEqual(['871495495233', '878518776863', '871495495233']);
  });

  it('without a window every read counts', () => {
    const codes = attach();
    type(document.body, '871495495233');
    advance(300);
    type(document.body, '871495495233');
    expect(codes).toHaveLength(2);
  });
});

describe('wedge with a text field focused', () => {
  it('a burst is a scan; the field keeps its content and its form never sees the Enter', () => {
    const codes = attach();
    const form = document.createElement('form');
    document.body.append(form);
    const pin = document.createElement('input');
    pin.type = 'password';
    form.append(pin);
    pin.focus();
    const seen: string[] = [];
    pin.addEventListener('keydown', (e) => seen.push(e.key));
    pin.addEventListener('input', () => seen.push('input'));

    type(pin, '49', { gap: 200, end: null });
    advance(RELEASE_AFTER_MS);
    expect(pin.value).toBe('49');
    seen.length = 0;
    advance(500);

    const events = type(pin, '871495495233', { end: 'Enter' });
    advance(100);
    expect(codes).toEqual(['871495495233']);
    expect(pin.value).toBe('49');
    expect(seen).not.toContain('Enter');
    expect(seen).not.toContain('input');
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
  });

  it('ends a burst on Tab without moving focus', () => {
    const codes = attach();
    const input = field();
    const events = type(input, '871495495233', { end: 'Tab' });
    expect(codes).toEqual(['871495495233']);
    expect(events.at(-1)!.defaultPrevented).toBe(true);
    expect(input.value).toBe('');
  });

  it("a person's typing reaches the field, in order, and their Enter is left alone", () => {
    const codes = attach();
    const input = field();
    const events = type(input, '1234567', { gap: 120 });
    expect(codes).toEqual([]);
    expect(input.value).toBe('1234567');
    expect(events.at(-1)!.defaultPrevented).toBe(false);
  });

  it('a short fast run (key rollover) reaches the field before the Enter acts', () => {
    const codes = attach();
    const input = field();
    let valueAtEnter = '';
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') valueAtEnter = input.value;
    });
    const events = type(input, '12345', { gap: 5 });
    expect(codes).toEqual([]);
    expect(valueAtEnter).toBe('12345');
    expect(events.at(-1)!.defaultPrevented).toBe(false);
  });

  it('a burst without Enter or Tab was typing after all: it lands in the field', () => {
    const codes = attach();
    const input = field();
    type(input, '871495495233', { end: null });
    advance(RELEASE_AFTER_MS);
    expect(codes).toEqual([]);
    expect(input.value).toBe('871495495233');
  });

  it('a key that is not a character gives the held keys to the field first', () => {
    attach();
    const input = field();
    type(input, 'ab', { end: null });
    let valueAtBackspace = '';
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Backspace') valueAtBackspace = input.value;
    });
    press(input, 'Backspace');
    expect(valueAtBackspace).toBe('ab');
  });

  it('held keys are not lost when the wedge is detached', () => {
    attach();
    const input = field();
    type(input, 'ab', { end: null });
    detach();
    expect(input.value).toBe('ab');
  });
});

describe('wedge and the manual code field', () => {
  it('leaves keystrokes in the manual field alone, bursts included', () => {
    const codes = attach({ repeatWindowMs: 3_000 });
    const manual = field({ id: 'manual-code' });
    const events = type(manual, '871495495233');
    expect(codes).toEqual([]);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
  });
});

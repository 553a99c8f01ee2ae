// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { attachWedge, createWedgeBuffer, WEDGE_GAP_MS } from './wedge.ts';

describe('wedge buffer', () => {
  it('returns the burst on Enter and starts afresh', () => {
    const w = createWedgeBuffer(() => 0);
    for (const k of '871495495233') expect(w.key(k)).toBeNull();
    expect(w.key('Enter')).toBe('871495495233');
    expect(w.key('Enter')).toBeNull();
  });

  it('forgets stale keystrokes', () => {
    let t = 0;
    const w = createWedgeBuffer(() => t);
    w.key('9');
    t += WEDGE_GAP_MS + 1;
    w.key('1');
    expect(w.key('Enter')).toBe('1');
  });

  it('ignores non-printable keys', () => {
    const w = createWedgeBuffer(() => 0);
    ['Shift', '8', 'ArrowLeft', '7', 'Tab'].forEach((k) => w.key(k));
    expect(w.key('Enter')).toBe('87');
  });
});

describe('attachWedge', () => {
  const type = (target: EventTarget, text: string) => {
    for (const key of [...text, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  };

  it('reads keystrokes typed while no field has focus', () => {
    const codes: string[] = [];
    const detach = attachWedge(window, { onCode: (c) => codes.push(c) });
    type(document.body, '871495495233');
    detach();
    type(document.body, '1');
    expect(codes).toEqual(['871495495233']);
  });

  it('leaves keystrokes in a text field alone', () => {
    const codes: string[] = [];
    const input = document.createElement('input');
    document.body.append(input);
    const detach = attachWedge(window, { onCode: (c) => codes.push(c) });
    type(input, '123');
    detach();
    expect(codes).toEqual([]);
  });
});

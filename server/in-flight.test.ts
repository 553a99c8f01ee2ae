import { describe, expect, it } from 'vitest';
import { createInFlightCap } from './in-flight.ts';

describe('the in-flight cap', () => {
  it('refuses a key at its own cap while others still get in, and the server at its total', () => {
    const cap = createInFlightCap({ total: 3, perKey: 2 });
    cap.take('a');
    cap.take('a');
    expect(cap.refusal('a')).toBe('per_key');
    expect(cap.refusal('b')).toBeNull();
    cap.take('b');
    expect(cap.refusal('b')).toBe('busy');
    expect(cap.refusal('c')).toBe('busy');
    expect(cap.count()).toBe(3);
  });

  it('frees a slot once per release, however often the release is called', () => {
    const cap = createInFlightCap({ total: 2, perKey: 1 });
    const release = cap.take('a');
    cap.take('b');
    release();
    release();
    expect(cap.count()).toBe(1);
    expect(cap.refusal('a')).toBeNull();
    expect(cap.refusal('b')).toBe('per_key');
  });
});

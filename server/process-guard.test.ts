import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installProcessGuard, redactSecrets } from './process-guard.ts';

const TOKEN = 'tok-9d2e77c1-SECRET';

describe('installProcessGuard', () => {
  it('logs uncaught exceptions and unhandled rejections, without the token, and does not rethrow', () => {
    const target = new EventEmitter();
    const lines: string[] = [];
    installProcessGuard((line) => lines.push(line), target);
    const err = new Error(`upstream said: Authorization: Bearer ${TOKEN}`);
    expect(() => target.emit('uncaughtException', err)).not.toThrow();
    expect(() => target.emit('unhandledRejection', `setup link #/setup?token=${TOKEN}&shows=1`)).not.toThrow();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Uncaught exception \(still serving\): Error: upstream said/);
    expect(lines[1]).toMatch(/^Unhandled rejection \(still serving\): setup link/);
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });
});

describe('redactSecrets', () => {
  it.each([
    [`Bearer ${TOKEN}`, 'Bearer [redacted]'],
    [`authorization: "bearer ${TOKEN}"`, 'authorization: "bearer [redacted]"'],
    ['Basic dXNlcjpwYXNz', 'Basic [redacted]'],
    [`/#/setup?token=${TOKEN}&shows=1001`, '/#/setup?token=[redacted]&shows=1001'],
    [`{"access_token":"${TOKEN}"}`, '{"access_token":"[redacted]"}'],
    ['nothing secret here', 'nothing secret here'],
  ])('%s → %s', (text, redacted) => {
    expect(redactSecrets(text)).toBe(redacted);
  });
});

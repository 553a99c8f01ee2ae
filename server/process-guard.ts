// The last line of defence of `npm start`: an exception nobody caught (a bug, or a hostile
// upstream finding a path the gateway did not foresee) is logged and the server keeps serving.
// Doors that stop at 19:00 cost more than one request that went wrong: the server keeps little
// state (rate-limit buckets, in-flight counts), and a request whose handler threw is still ended
// by its client or by the server's timeouts. What is logged never holds a token: the setup link
// carries one, and an error message can quote a header.

type Log = (line: string) => void;

interface ProcessLike {
  on(event: 'uncaughtException', listener: (err: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function installProcessGuard(log: Log, target: ProcessLike = process): void {
  target.on('uncaughtException', (err) => log(`Uncaught exception (still serving): ${describe(err)}`));
  target.on('unhandledRejection', (reason) => log(`Unhandled rejection (still serving): ${describe(reason)}`));
}

function describe(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return redactSecrets(text);
}

/** Cuts Bearer/Basic credentials and token-like query or JSON values out of a text. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[^\s"',;]+/gi, '$1 [redacted]')
    .replace(/((?:access_)?token["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi, '$1[redacted]');
}

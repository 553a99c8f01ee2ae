// Double entry across devices: offline devices can each admit the same ticket. After a local
// admission, the server's checked_at tells whether someone else was first. Qtickets keeps the
// earliest time it was given, so an earlier time than ours means another device (or another
// entrance) admitted this ticket before we did.

export type ServerView =
  /** The server holds an earlier admission from elsewhere: a double entry. */
  | 'conflict'
  /** The server holds our own admission (or one at the same second): nothing to report. */
  | 'ours'
  /** The server holds nothing yet, or a later time (ours is still on its way): ask again after delivery. */
  | 'not_yet';

export function judgeServerView(localCheckedAt: string, serverCheckedAt: string | null): ServerView {
  if (serverCheckedAt === null) return 'not_yet';
  const server = Date.parse(serverCheckedAt);
  const local = Date.parse(localCheckedAt);
  if (Number.isNaN(server) || Number.isNaN(local)) return 'not_yet';
  // Both sides write whole seconds; the same second is taken as our own record echoed back.
  const toSecond = (ms: number) => Math.floor(ms / 1000);
  if (toSecond(server) < toSecond(local)) return 'conflict';
  if (toSecond(server) === toSecond(local)) return 'ours';
  return 'not_yet';
}

// Query keys and staleness in one place (TanStack Query habit). The token itself never goes
// into a key: keys show up in devtools and error reports; a short fingerprint is enough.
export const STALE = {
  /** The event list changes rarely during setup; refetch on demand. */
  events: 5 * 60_000,
} as const;

export function fingerprint(token: string): string {
  let h = 2166136261;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export const queryKeys = {
  events: (token: string) => ['events', fingerprint(token)] as const,
};

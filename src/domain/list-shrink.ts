// A pull that would revoke most of a show is more likely a broken answer than a mass refund: an
// empty or tiny 2xx list (a wrong filter upstream, a half-migrated server, a proxy's cached stub)
// would otherwise turn the whole queue away as "cancelled". Such a pull is held back for a person.

/** Below this many listed tickets a small list may be real (a rehearsal, a private show). */
export const SHRINK_GUARD_MIN_LISTED = 100;
/** The new list keeps less than this share of the old one: ask before applying it. */
export const SHRINK_GUARD_SHARE = 0.1;

export function isSuspiciousShrink(listedBefore: number, received: number): boolean {
  return listedBefore >= SHRINK_GUARD_MIN_LISTED && received < listedBefore * SHRINK_GUARD_SHARE;
}

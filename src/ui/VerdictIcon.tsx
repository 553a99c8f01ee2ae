import type { VerdictKind } from '../domain/types.ts';

// Shapes differ per verdict, so the verdict never relies on colour alone.
const PATHS: Record<VerdictKind | 'not_recorded' | 'idle', string> = {
  valid: 'M5 13l4 4L19 7',
  already_checked: 'M12 7v6m0 4h.01M4 12a8 8 0 1 0 16 0 8 8 0 1 0-16 0',
  unknown: 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7v.5m0 3h.01',
  revoked: 'M6 6l12 12M18 6L6 18',
  wrong_show: 'M7 3v3m10-3v3M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm4 9l6 4m0-4l-6 4',
  wrong_zone: 'M9 21V4a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v17M4 21h17M15 12h.01M3 12h6m-2-2l2 2-2 2',
  // A clock, and a clock run out (its hands stopped at the end, a bar beneath).
  too_early: 'M12 7v5l3 2M4 12a8 8 0 1 0 16 0 8 8 0 1 0-16 0',
  show_over: 'M12 8v4H8M5 12a7 7 0 1 0 14 0 7 7 0 1 0-14 0M4 22h16',
  // A door with an arrow in, an arrow out, and a barred circle (no entry on record to leave by).
  reentry: 'M10 17l5-5-5-5M15 12H3M15 4h4a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-4',
  exit: 'M14 17l5-5-5-5M19 12H7M9 20H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h4',
  not_inside: 'M6.3 6.3l11.4 11.4M4 12a8 8 0 1 0 16 0 8 8 0 1 0-16 0',
  not_recorded: 'M12 8v5m0 4h.01M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  idle: 'M4 7V5a1 1 0 0 1 1-1h2M17 4h2a1 1 0 0 1 1 1v2M20 17v2a1 1 0 0 1-1 1h-2M7 20H5a1 1 0 0 1-1-1v-2M8 8v8m3-8v8m3-8v8m3-8v8',
};

export function VerdictIcon({ kind }: { kind: keyof typeof PATHS }) {
  return (
    <svg className="verdict-icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[kind]} />
    </svg>
  );
}

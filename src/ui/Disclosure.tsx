import { useId, useState, type ReactNode } from 'react';

interface Props {
  /** What the toggle says; it stays visible folded or open (a summary of the choice fits here). */
  title: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Open at first (default folded: the scan screen's panels are set once per shift). */
  initiallyOpen?: boolean;
}

/**
 * A folding panel whose toggle says whether it is open: aria-expanded for screen readers, a
 * turning chevron for eyes. The body is rendered only while open, so a folded panel costs nothing
 * (the door numbers and the zone list read the lists only when someone looks).
 */
export function Disclosure({ title, children, className, testId, initiallyOpen = false }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const bodyId = useId();
  return (
    <section className={['panel', 'disclosure', className].filter(Boolean).join(' ')} data-testid={testId}>
      <button type="button" className="disclosure-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
        <svg className="disclosure-chevron" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
          <path d="M9 5l7 7-7 7" />
        </svg>
        <span>{title}</span>
      </button>
      {open && (
        <div id={bodyId} className="disclosure-body">
          {children}
        </div>
      )}
    </section>
  );
}

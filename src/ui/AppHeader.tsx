import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useVerdictOnScreen } from '../state/kiosk.ts';
import { HeaderStatus } from './header/HeaderStatus.tsx';
import type { MessageKey } from './i18n/catalog.ts';
import { useI18n } from './i18n/context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const DESTINATIONS = [
  { href: '/', label: 'nav.scan' },
  { href: '/search', label: 'nav.search' },
  { href: '/history', label: 'nav.history' },
  { href: '/stats', label: 'nav.stats' },
  { href: '/shift', label: 'nav.shift' },
  { href: '/venue', label: 'nav.venue' },
  { href: '/setup', label: 'nav.setup' },
  { href: '/device', label: 'nav.device' },
] as const satisfies readonly { href: string; label: MessageKey }[];

const isCurrent = (href: string, location: string) => (href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`));

/**
 * The name, the connection word and the way to every screen. On a phone the seven links wrapped
 * to three lines above the verdict; there they sit behind one menu button (styles.css decides
 * where the button shows), and the header stays one line.
 */
export function AppHeader() {
  const { t } = useI18n();
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const headerRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // Any way of arriving elsewhere (a link, Back, a redirect) folds the menu away.
  const [shownAt, setShownAt] = useState(location);
  if (shownAt !== location) {
    setShownAt(location);
    setOpen(false);
  }
  // A ticket scanned while the menu is open: the verdict it would cover comes first.
  const verdictOnScreen = useVerdictOnScreen();
  const [verdictSeen, setVerdictSeen] = useState(verdictOnScreen);
  if (verdictSeen !== verdictOnScreen) {
    setVerdictSeen(verdictOnScreen);
    if (verdictOnScreen) setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    // A tap anywhere else closes it, as any phone menu does.
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !headerRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const onNavigate = (event: MouseEvent) => {
    setOpen(false);
    // A keyboard user keeps a place to stand instead of falling back to the page top; a tap leaves
    // nothing focused, so a scanner's keystrokes never land on the menu button.
    if (event.detail === 0) toggleRef.current?.focus();
  };

  return (
    <header className="app-header" ref={headerRef} data-menu={open ? 'open' : 'closed'}>
      <span className="brand">{t('appName')}</span>
      <HeaderStatus />
      <button
        type="button"
        ref={toggleRef}
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        data-testid="menu-toggle"
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        <span className="menu-toggle-label">{t('header.menu')}</span>
      </button>
      <div className="app-menu" id={menuId}>
        <nav aria-label="main">
          {DESTINATIONS.map(({ href, label }) => (
            <Link key={href} href={href} aria-current={isCurrent(href, location) ? 'page' : undefined} onClick={onNavigate}>
              {t(label)}
            </Link>
          ))}
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}

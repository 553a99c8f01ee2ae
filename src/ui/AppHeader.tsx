import { Link } from 'wouter';
import { useI18n } from './i18n/context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function AppHeader() {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <span className="brand">{t('appName')}</span>
      <nav aria-label="main">
        <Link href="/">{t('nav.scan')}</Link>
        <Link href="/search">{t('nav.search')}</Link>
        <Link href="/history">{t('nav.history')}</Link>
        <Link href="/stats">{t('nav.stats')}</Link>
        <Link href="/shift">{t('nav.shift')}</Link>
        <Link href="/setup">{t('nav.setup')}</Link>
        <Link href="/device">{t('nav.device')}</Link>
      </nav>
      <LanguageSwitch />
    </header>
  );
}

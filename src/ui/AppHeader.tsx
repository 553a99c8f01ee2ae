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
        <Link href="/setup">{t('nav.setup')}</Link>
      </nav>
      <LanguageSwitch />
    </header>
  );
}

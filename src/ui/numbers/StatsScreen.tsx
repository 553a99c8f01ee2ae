import { useI18n } from '../i18n/context.tsx';
import { ConflictsList } from '../conflicts/ConflictsList.tsx';
import { InsidePanel } from '../exit/InsidePanel.tsx';
import { StatsPanel } from './StatsPanel.tsx';

/** The supervisor's page: the numbers, and the double entries found across devices. */
export function StatsScreen() {
  const { t } = useI18n();
  return (
    <main>
      <h2>{t('stats.title')}</h2>
      <StatsPanel />
      <InsidePanel />
      <ConflictsList />
    </main>
  );
}

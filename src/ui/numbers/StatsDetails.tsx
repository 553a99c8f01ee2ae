import { Disclosure } from '../Disclosure.tsx';
import { useI18n } from '../i18n/context.tsx';
import { StatsPanel } from './StatsPanel.tsx';

/** The door numbers on the scan screen, folded: counted (and kept live) only while open. */
export function StatsDetails() {
  const { t } = useI18n();
  return (
    <Disclosure title={t('stats.open')} testId="stats-details">
      <StatsPanel />
    </Disclosure>
  );
}

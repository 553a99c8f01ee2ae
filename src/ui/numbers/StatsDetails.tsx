import { useState } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { StatsPanel } from './StatsPanel.tsx';

/** The door numbers on the scan screen, folded: counted (and kept live) only while open. */
export function StatsDetails() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="panel" data-testid="stats-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('stats.open')}</summary>
      {open && <StatsPanel />}
    </details>
  );
}

import { useState } from 'react';
import { MAX_SKEW_MS } from '../../domain/clock.ts';
import { useClockEstimate } from '../../state/network.ts';
import { useDeviceName } from '../../state/venue.ts';
import { EntryWindowSettings } from '../entry-window/EntryWindowSettings.tsx';
import { BuyerNameSetting } from '../exit/BuyerNameSetting.tsx';
import { ReentryPolicy } from '../exit/ReentryPolicy.tsx';
import { useI18n } from '../i18n/context.tsx';
import { RefreshEvery } from './RefreshEvery.tsx';
import { ClockWarning } from './ClockWarning.tsx';
import { ConnectivityBadge } from './ConnectivityBadge.tsx';
import { SignOutPanel } from './SignOutPanel.tsx';

/** What the other doors and the supervisor call this device ("Вход 2"). */
function DeviceName() {
  const { t } = useI18n();
  const [name, save] = useDeviceName();
  const [draft, setDraft] = useState<string | null>(null);
  if (name === undefined) return null;
  const commit = () => {
    if (draft !== null && draft.trim() !== name) void save(draft);
    setDraft(null);
  };
  return (
    <section className="panel">
      <label htmlFor="device-name">{t('shift.deviceName')}</label>
      <input
        id="device-name"
        data-testid="device-name"
        maxLength={60}
        autoComplete="off"
        placeholder={t('shift.deviceName.placeholder')}
        value={draft ?? name}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </section>
  );
}

/** Settings of the shift on this device: its name, connection mode, list refresh, clock, leaving. */
export function ShiftScreen({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useI18n();
  const clock = useClockEstimate();
  return (
    <main>
      <h2>{t('shift.title')}</h2>
      <DeviceName />
      <section className="panel">
        <h3>{t('mode.title')}</h3>
        <ConnectivityBadge />
        <p className="hint">{t('mode.hint')}</p>
      </section>
      <section className="panel">
        <RefreshEvery />
      </section>
      <EntryWindowSettings />
      <ReentryPolicy />
      <BuyerNameSetting />
      {clock.skewMs !== null && Math.abs(clock.skewMs) <= MAX_SKEW_MS ? <p className="notice">{t('clock.ok')}</p> : <ClockWarning />}
      <SignOutPanel onSignedOut={onSignedOut} />
    </main>
  );
}

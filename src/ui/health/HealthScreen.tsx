import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { CLOCK_WARN_MS, useDeviceHealth, type DeviceHealth } from '../../state/health.ts';
import { useI18n, type I18n } from '../i18n/context.tsx';

function bytes(n: number, locale: string): string {
  const units = locale === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

interface RowProps {
  label: string;
  value: ReactNode;
  testId: string;
  warn?: boolean;
  /** A machine-readable state for tests and support. */
  state?: string;
  children?: ReactNode;
}

function Row({ label, value, testId, warn, state, children }: RowProps) {
  return (
    <div className={warn ? 'health-row health-row--warn' : 'health-row'} data-testid={testId} data-warn={warn ? 'true' : undefined} data-state={state}>
      <dt>{label}</dt>
      <dd>
        {value}
        {children}
      </dd>
    </div>
  );
}

function clockText(h: DeviceHealth, { t }: I18n): { text: string; warn: boolean } {
  if (h.clock === undefined) return { text: t('health.clock.checking'), warn: false };
  if (h.clock === null) return { text: t('health.clock.unknown'), warn: false };
  const off = h.clock.offsetMs;
  if (Math.abs(off) <= CLOCK_WARN_MS) return { text: t('health.clock.ok', { seconds: Math.round(Math.abs(off) / 1000) }), warn: false };
  const minutes = Math.round(Math.abs(off) / 60_000);
  // offset = server − device: positive means the device is behind.
  return { text: t(off > 0 ? 'health.clock.behind' : 'health.clock.ahead', { minutes }), warn: true };
}

/** One screen a supervisor reads to trust a device before doors open. */
export function HealthScreen({ children }: { children?: ReactNode }) {
  const i18n = useI18n();
  const { t, plural, dateTime, locale } = i18n;
  const h = useDeviceHealth();
  const s = h.store;
  const clock = clockText(h, i18n);
  const pulled = !s?.newestPullAt
    ? t('health.neverPulled')
    : s.oldestPullAt === s.newestPullAt
      ? t('health.pulled', { time: dateTime(s.newestPullAt) })
      : t('health.pulledRange', { from: dateTime(s.oldestPullAt ?? s.newestPullAt), to: dateTime(s.newestPullAt) });
  const storage = h.storage;
  const persisted = storage?.persisted;
  return (
    <main className="health">
      <h1>{t('health.title')}</h1>
      <dl className="panel health-list">
        <Row label={t('health.tickets')} testId="health-tickets" value={s ? plural('tickets', s.ticketsListed) : '…'}>
          <small> · {pulled}</small>
        </Row>
        <Row label={t('health.pending')} testId="health-pending" value={s ? plural('checkins', s.pending) : '…'} warn={(s?.pending ?? 0) > 0 && h.lastSyncAt === null}>
          {s?.oldestPendingAt ? <small> · {t('health.pendingSince', { time: dateTime(new Date(s.oldestPendingAt).toISOString()) })}</small> : null}
          <small> · {h.lastSyncAt ? t('health.lastSync', { time: dateTime(new Date(h.lastSyncAt).toISOString()) }) : t('health.neverSynced')}</small>
        </Row>
        <Row label={t('health.rejected')} testId="health-rejected" value={s ? plural('checkins', s.rejected) : '…'} warn={(s?.rejected ?? 0) > 0} />
        <Row
          label={t('health.storage')}
          testId="health-storage"
          value={storage?.usage != null && storage.quota != null ? t('health.storageUsed', { used: bytes(storage.usage, locale), quota: bytes(storage.quota, locale) }) : t('health.storageUnknown')}
          warn={persisted === false}
        >
          <small data-testid="health-persisted" data-state={String(persisted)}>
            {' · '}
            {persisted === true ? t('health.persisted') : persisted === false ? t('health.notPersisted') : t('health.persistUnknown')}
          </small>
        </Row>
        <Row label={t('health.camera')} testId="health-camera" value={t(`health.camera.${h.camera}`)} warn={h.camera === 'denied'} />
        <Row label={t('health.clock')} testId="health-clock" state={h.clock ? String(h.clock.offsetMs) : undefined} value={<span role={clock.warn ? 'alert' : undefined}>{clock.text}</span>} warn={clock.warn} />
        <Row label={t('health.version')} testId="health-version" state={h.version} value={<code>{h.version}</code>} />
        <Row label={t('health.sw')} testId="health-sw" state={h.serviceWorker ?? undefined} value={h.serviceWorker ? t(`health.sw.${h.serviceWorker}`) : '…'} />
        {h.wakeLock !== null && <Row label={t('health.wakeLock')} testId="health-wake-lock" value={h.wakeLock ? t('health.yes') : t('health.no')} />}
      </dl>
      <div className="toolbar">
        <button type="button" onClick={h.refresh}>
          {t('health.refresh')}
        </button>
        <Link href="/device/add" className="button-link" data-testid="add-device">
          {t('health.addDevice')}
        </Link>
      </div>
      {children}
    </main>
  );
}

// Inside now (admitted − left) per show and zone on the numbers screen, with an optional
// capacity per zone: from 90 % the zone is said to be nearly full, at 100 % full, as an alert
// the supervisor must act on (stop the queue, open another zone).
import { useState } from 'react';
import { capacityLevel } from '../../domain/presence.ts';
import { NO_ZONE, type ShowCount } from '../../domain/stats.ts';
import { useShows } from '../../state/door.ts';
import { useInside, useZoneCapacity } from '../../state/presence.ts';
import { useI18n } from '../i18n/context.tsx';

function CapacityInput({ zone, label, capacity, save }: { zone: string; label: string; capacity: number | undefined; save: (zone: string, capacity: number | null) => Promise<boolean> }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const id = `capacity-${zone || 'none'}`;
  const commit = async () => {
    if (draft === null) return;
    const text = draft.trim();
    const value = Number(text);
    const ok = text === '' ? await save(zone, null) : Number.isInteger(value) && value >= 1 && (await save(zone, value));
    setInvalid(!ok);
    if (ok) setDraft(null);
  };
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {t('inside.capacity', { zone: label })}
      </label>
      <input
        id={id}
        className="capacity-input"
        data-testid="zone-capacity"
        inputMode="numeric"
        placeholder={t('inside.capacityShort')}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        value={draft ?? (capacity === undefined ? '' : String(capacity))}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => e.key === 'Enter' && void commit()}
      />
      {invalid && (
        <span id={`${id}-error`} role="alert" className="error">
          {t('inside.capacityInvalid')}
        </span>
      )}
    </>
  );
}

function ShowInside({ count, title, capacity, save }: { count: ShowCount; title: string; capacity: Record<string, number>; save: (zone: string, capacity: number | null) => Promise<boolean> }) {
  const { t, n, plural } = useI18n();
  return (
    <div data-testid={`inside-show-${count.showId}`}>
      <p className="stat-line">
        <strong>{title}</strong>
        <span className="stat-count" data-testid="inside-count" data-count={count.admitted}>
          {t('inside.count', { people: plural('people', count.admitted) })}
        </span>
      </p>
      <ul className="zone-counts">
        {count.zones.map((z) => {
          const label = z.zone === NO_ZONE ? t('stats.noZone') : z.zone;
          const cap = capacity[z.zone];
          const level = capacityLevel(z.admitted, cap);
          return (
            <li key={z.zone} data-zone={z.zone} data-level={level}>
              <span>{label}</span>
              <span className={`stat-count inside-level--${level}`} data-testid="inside-zone-count" data-count={z.admitted}>
                {cap ? `${n(z.admitted)} / ${n(cap)}` : n(z.admitted)}
              </span>
              <CapacityInput zone={z.zone} label={label} capacity={cap} save={save} />
              {level !== 'ok' && (
                <p role="alert" className="error" data-testid="capacity-warning" data-level={level}>
                  {t(level === 'full' ? 'inside.full' : 'inside.near', { zone: label, inside: z.admitted, capacity: cap ?? 0 })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function InsidePanel() {
  const { t, dateTime } = useI18n();
  const shows = useShows();
  const inside = useInside(shows);
  const [capacity, saveCapacity] = useZoneCapacity();
  if (!inside || !shows || !capacity) return null;
  const showById = new Map(shows.map((s) => [s.id, s]));
  return (
    <section className="panel" data-testid="inside-now">
      <h3>{t('inside.title')}</h3>
      <p className="hint">{t('inside.hint')}</p>
      {inside.map((count) => {
        const show = showById.get(count.showId);
        const title = `${show?.eventName ?? ''} ${show?.startDate ? dateTime(show.startDate) : `#${count.showId}`}`;
        return <ShowInside key={count.showId} count={count} title={title} capacity={capacity} save={saveCapacity} />;
      })}
    </section>
  );
}

import { useState } from 'react';
import { Disclosure } from '../Disclosure.tsx';
import { useShows } from '../../state/door.ts';
import { useEntranceZones, useListsSnapshot } from '../../state/lists.ts';
import { useI18n } from '../i18n/context.tsx';

/** Reads the lists only when opened: the zone checklist is set once per shift, not per scan. */
function ZoneChoices({ chosen, onChange }: { chosen: string[]; onChange: (zones: string[]) => void }) {
  const { t } = useI18n();
  const shows = useShows();
  const snapshot = useListsSnapshot();
  if (!snapshot || !shows) return <p className="notice">{t('zones.loading')}</p>;
  const names = new Set<string>();
  for (const show of shows) if (show.active) for (const z of snapshot.zoneNames.get(show.id) ?? []) names.add(z);
  // A zone chosen earlier stays visible even if today's lists no longer have it, so it can be unticked.
  for (const z of chosen) names.add(z);
  const all = [...names].sort((a, b) => a.localeCompare(b, 'ru'));
  if (all.length === 0) return <p className="notice">{t('zones.none')}</p>;
  return (
    <ul className="show-list">
      {all.map((zone) => (
        <li key={zone}>
          <label>
            <input
              type="checkbox"
              checked={chosen.includes(zone)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, zone] : chosen.filter((z) => z !== zone))}
            />
            <span>{zone}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/** Entrance filter: which zones this door admits; another zone's ticket gets "wrong entrance". */
export function ZoneFilter() {
  const { t } = useI18n();
  const [zones, setZones] = useEntranceZones();
  // The tick shows at once; the stored choice (a live query, a few ms later) then agrees with it.
  const [ticked, setTicked] = useState<string[] | null>(null);
  const [seen, setSeen] = useState(zones);
  if (seen !== zones) {
    setSeen(zones);
    setTicked(null);
  }
  const chosen = ticked ?? zones ?? [];
  return (
    <Disclosure
      className="zone-filter"
      testId="entrance-filter"
      title={
        <>
          {t('zones.title')}: <strong data-testid="entrance-zones">{chosen.length === 0 ? t('zones.all') : t('zones.only', { zones: chosen.join(', ') })}</strong>
        </>
      }
    >
      <p className="hint">{t('zones.hint')}</p>
      <ZoneChoices
        chosen={chosen}
        onChange={(next) => {
          setTicked(next);
          void setZones(next);
        }}
      />
    </Disclosure>
  );
}

// "Вход / Выход" on the scan screen: a device at an exit, or an entrance used as one for a
// moment. The choice is stored, so a device set as an exit stays one after a reload; kiosk
// mode keeps the switch behind the PIN but always says that this device records exits.
import type { DoorDirection } from '../../domain/types.ts';
import { useDoorDirection } from '../../state/presence.ts';
import { useI18n } from '../i18n/context.tsx';

export function DirectionSwitch({ controls }: { controls: boolean }) {
  const { t } = useI18n();
  const [direction, setDirection] = useDoorDirection();
  if (direction === undefined) return null;
  return (
    <div className="door-direction" data-testid="door-direction" data-direction={direction}>
      {controls && (
        <div className="lang" role="group" aria-label={t('direction.label')}>
          {(['entry', 'exit'] as const satisfies readonly DoorDirection[]).map((d) => (
            <button key={d} type="button" aria-pressed={direction === d} data-testid={`direction-${d}`} onClick={() => void setDirection(d)}>
              {t(d === 'entry' ? 'direction.entry' : 'direction.exit')}
            </button>
          ))}
        </div>
      )}
      {direction === 'exit' && (
        <p className="notice" role="status" data-testid="exit-notice">
          {t('direction.exitNotice')}
        </p>
      )}
    </div>
  );
}

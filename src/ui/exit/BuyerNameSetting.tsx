// Privacy: the buyer's name on the verdict is read by whoever stands in the queue too.
import { useState } from 'react';
import { useShowBuyerName } from '../../state/presence.ts';
import { useI18n } from '../i18n/context.tsx';

export function BuyerNameSetting() {
  const { t } = useI18n();
  const [shown, setShown] = useShowBuyerName();
  // The tick shows at once; the stored value (a live query, a few ms later) then agrees with it.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    setTicked(null);
  }
  if (shown === undefined) return null;
  return (
    <section className="panel">
      <label className="check">
        <input
          type="checkbox"
          data-testid="show-buyer-name"
          checked={ticked ?? shown}
          onChange={(e) => {
            setTicked(e.target.checked);
            void setShown(e.target.checked);
          }}
        />
        {t('privacy.buyerName')}
      </label>
      <p className="hint">{t('privacy.buyerName.hint')}</p>
    </section>
  );
}

// Privacy: the buyer's name on the verdict is read by whoever stands in the queue too.
import { useShowBuyerName } from '../../state/presence.ts';
import { useI18n } from '../i18n/context.tsx';

export function BuyerNameSetting() {
  const { t } = useI18n();
  const [shown, setShown] = useShowBuyerName();
  if (shown === undefined) return null;
  return (
    <section className="panel">
      <label className="check">
        <input type="checkbox" data-testid="show-buyer-name" checked={shown} onChange={(e) => void setShown(e.target.checked)} />
        {t('privacy.buyerName')}
      </label>
      <p className="hint">{t('privacy.buyerName.hint')}</p>
    </section>
  );
}

import { useState } from 'react';
import { useHeldPulls } from '../../state/held-pulls.ts';
import { useI18n } from '../i18n/context.tsx';

/**
 * A pull that would have revoked most of a show was held back: the old list is still deciding.
 * The supervisor takes the server's list after all (a show really was cancelled) or keeps the old one.
 */
export function HeldPullAlert() {
  const { t, plural, dateTime } = useI18n();
  const { held, accept, keep } = useHeldPulls();
  const [failed, setFailed] = useState<number | null>(null);
  if (held.length === 0) return null;
  return (
    <>
      {held.map((h) => (
        <div key={h.showId} className="alert alert--delivery" role="alert" data-testid="held-pull">
          <strong>
            {t('heldPull.title', {
              show: h.startDate ? `${h.eventName}, ${dateTime(h.startDate)}` : h.eventName,
              received: plural('tickets', h.received),
              listed: plural('tickets', h.listed),
            })}
          </strong>
          <p>{t('heldPull.explain')}</p>
          <div className="rejected-actions">
            <button type="button" onClick={() => void keep(h.showId)}>
              {t('heldPull.keep')}
            </button>
            <button
              type="button"
              className="btn-danger"
              onClick={() => void accept(h.showId).then((ok) => setFailed(ok ? null : h.showId))}
            >
              {t('heldPull.accept')}
            </button>
          </div>
          {failed === h.showId && <p>{t('heldPull.failed')}</p>}
        </div>
      ))}
    </>
  );
}

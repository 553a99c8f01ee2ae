import { useVenue } from '../../state/venue.ts';
import { useI18n } from '../i18n/context.tsx';

/** One quiet line: whether the other doors' admissions reach this one live, and how many did. */
export function VenueStatus() {
  const { t, plural } = useI18n();
  const { status, learned } = useVenue();
  if (status.status === 'off') return null;
  const text = status.status === 'live' ? t('venue.live') : status.status === 'refused' ? t('venue.refused') : t('venue.connecting');
  return (
    <p className="notice" data-testid="venue-status" data-status={status.status}>
      {text}
      <span data-testid="venue-learned" data-count={learned}>
        {learned > 0 ? ` · ${t('venue.learned', { checkins: plural('checkins', learned) })}` : ''}
      </span>
    </p>
  );
}

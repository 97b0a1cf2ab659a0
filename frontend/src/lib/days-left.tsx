import { formatDaysLeft, URGENT_DAYS } from '@/lib/format';

/** "12 days left", in red once a week or less is left; "window closed" once the deadline has passed. */
export function DaysLeft({ days, testId }: { days: number; testId?: string }) {
  return (
    <span className={days <= URGENT_DAYS ? 'countdown countdown--urgent' : 'countdown'} data-testid={testId}>
      {formatDaysLeft(days)}
    </span>
  );
}

import { claimStatusLabel } from '@/lib/claim-status';
import { DaysLeft } from '@/lib/days-left';
import { DeniedItemsTable } from '@/lib/denied-items';
import { formatDate } from '@/lib/format';
import { appealLetterUrl } from '@/features/appeals/api/get-appeal-letter';
import type { Appeal } from '@/features/appeals/api/types';

/** The claim, the payer, the appeal window and what was denied: the top of both appeal forms. */
export function AppealSummary({ appeal, showDeadline = true }: { appeal: Appeal; showDeadline?: boolean }) {
  return (
    <>
      <dl className="facts facts--wide" data-testid="appeal-facts">
        <dt>Claim</dt>
        <dd className="mono">{appeal.claimNumber}</dd>
        <dt>Payer</dt>
        <dd>{appeal.payerName}</dd>
        <dt>Claim status</dt>
        <dd>{claimStatusLabel(appeal.claimStatus)}</dd>
        {showDeadline && (
          <>
            <dt>Appeal deadline</dt>
            <dd>
              {formatDate(appeal.deadline)} <DaysLeft days={appeal.daysLeft} testId="appeal-days-left" />
            </dd>
          </>
        )}
      </dl>
      <h3>Denied items</h3>
      <DeniedItemsTable items={appeal.denials} showRoute={false} />
    </>
  );
}

export function AppealLetterLink({ appeal, sent }: { appeal: Appeal; sent: boolean }) {
  return (
    <p>
      <a href={appealLetterUrl(appeal.id)} target="_blank" rel="noopener noreferrer" data-testid="appeal-letter">
        Open appeal letter
        <span className="visually-hidden"> (PDF, opens in a new tab)</span>
      </a>{' '}
      <span className="hint">{sent ? 'As sent to the payer.' : 'A draft: your argument is added when you send the appeal.'}</span>
    </p>
  );
}

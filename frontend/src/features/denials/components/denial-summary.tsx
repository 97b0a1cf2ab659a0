import { claimStatusLabel } from '@/lib/claim-status';
import { DeniedItemsTable } from '@/lib/denied-items';
import { formatCents } from '@/lib/format';
import type { Denial } from '@/features/denials/api/types';

/** What the payer denied and why the denial is in this queue: the top of every denial form. */
export function DenialSummary({ denial }: { denial: Denial }) {
  return (
    <>
      <dl className="facts facts--wide" data-testid="denial-facts">
        <dt>Payer</dt>
        <dd>{denial.payerName}</dd>
        <dt>Claim status</dt>
        <dd>{claimStatusLabel(denial.claimStatus)}</dd>
        <dt>Group code</dt>
        <dd className="mono">{denial.groupCode}</dd>
        <dt>Reason code</dt>
        <dd className="mono">{denial.reasonCode}</dd>
        <dt>Reason</dt>
        <dd>{denial.reasonText}</dd>
        <dt>Amount</dt>
        <dd>{formatCents(denial.amountCents)}</dd>
      </dl>
      {denial.routeReason && (
        <p className="notice route-reason" data-testid="denial-route-reason">
          {denial.routeReason}
        </p>
      )}
      <h3>Denied items</h3>
      <DeniedItemsTable items={denial.items} />
    </>
  );
}

export function DenialDiagnoses({ denial }: { denial: Denial }) {
  if (denial.diagnoses.length === 0) return null;
  return (
    <>
      <h3>Diagnoses</h3>
      <ol className="diagnoses" data-testid="denial-diagnoses">
        {denial.diagnoses.map((d) => (
          <li key={d.code}>
            <span className="mono">{d.code}</span> {d.description}
          </li>
        ))}
      </ol>
    </>
  );
}

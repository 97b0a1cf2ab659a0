import { formatCents, formatDate, formatDateTime } from '@/lib/format';
import { statementPdfUrl } from '@/features/statements/api/get-statement-pdf';
import { NEXT_STEP_LABELS, NOTICE_LABELS, STATUS_LABELS, type Statement } from '@/features/statements/api/types';

/** The account as billers and managers read it: amounts, the notices sent, the payments received. */
export function StatementDetails({ statement }: { statement: Statement }) {
  return (
    <>
      <dl className="facts facts--wide" data-testid="statement-facts">
        <dt>Patient</dt>
        <dd>{statement.patientName}</dd>
        <dt>Claim</dt>
        <dd className="mono">{statement.claimNumber}</dd>
        <dt>Date of service</dt>
        <dd>{formatDate(statement.dateOfService)}</dd>
        <dt>Charges</dt>
        <dd>{formatCents(statement.totalChargeCents)}</dd>
        <dt>Paid by {statement.payerName ?? 'insurance'}</dt>
        <dd>{formatCents(statement.insurancePaidCents)}</dd>
        <dt>Adjusted by insurance</dt>
        <dd>{formatCents(statement.adjustedCents)}</dd>
        <dt>Billed to the patient</dt>
        <dd>{formatCents(statement.billedCents)}</dd>
        <dt>Paid by the patient</dt>
        <dd>{formatCents(statement.paidCents)}</dd>
        <dt>Balance</dt>
        <dd data-testid="statement-balance">
          <strong>{formatCents(statement.balanceCents)}</strong>
        </dd>
        <dt>Status</dt>
        <dd>
          {STATUS_LABELS[statement.status]}
          {statement.cycleNumber > 1 && <span className="muted"> (cycle {statement.cycleNumber})</span>}
        </dd>
        {statement.nextStep && (
          <>
            <dt>Next step</dt>
            <dd>
              {NEXT_STEP_LABELS[statement.nextStep]}
              {statement.nextStepDue && <> on {formatDate(statement.nextStepDue)}</>}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={statementPdfUrl(statement.id)} target="_blank" rel="noreferrer" data-testid="statement-pdf">
          Open the statement (PDF)
        </a>
      </p>

      <table className="grid" data-testid="statement-notices">
        <caption>Notices sent</caption>
        <thead>
          <tr>
            <th scope="col">Notice</th>
            <th scope="col">Sent</th>
            <th scope="col" className="num">
              Amount due
            </th>
            <th scope="col">Pay by</th>
          </tr>
        </thead>
        <tbody>
          {statement.notices.length === 0 && (
            <tr>
              <td colSpan={4} className="empty">
                No notice sent yet
              </td>
            </tr>
          )}
          {statement.notices.map((notice) => (
            <tr key={`${notice.cycleNumber}-${notice.kind}`}>
              <td>
                {NOTICE_LABELS[notice.kind]}
                {statement.cycleNumber > 1 && <span className="muted"> (cycle {notice.cycleNumber})</span>}
              </td>
              <td>{formatDateTime(notice.sentAt)}</td>
              <td className="num">{formatCents(notice.amountDueCents)}</td>
              <td>{formatDate(notice.dueOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="grid" data-testid="statement-payments">
        <caption>Payments received</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Method</th>
            <th scope="col">Reference</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {statement.payments.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                No payment received
              </td>
            </tr>
          )}
          {statement.payments.map((payment) => (
            <tr key={payment.id}>
              <td>{formatDate(payment.receivedOn)}</td>
              <td>{payment.method}</td>
              <td className="mono">{payment.reference}</td>
              <td className="num">{formatCents(payment.amountCents)}</td>
              <td>{payment.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

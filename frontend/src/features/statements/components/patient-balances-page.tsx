import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { formatCents, formatDate, formatDateTime } from '@/lib/format';
import { statementPdfUrl } from '@/features/statements/api/get-statement-pdf';
import { STATEMENT_PAGE_SIZE, useStatements } from '@/features/statements/api/get-statements';
import {
  NEXT_STEP_LABELS,
  NOTICE_LABELS,
  STATUS_LABELS,
  type StatementStatus,
  type StatementSummary,
} from '@/features/statements/api/types';
import { RecordPaymentForm } from '@/features/statements/components/record-payment-form';

const STATUSES: StatementStatus[] = ['OPEN', 'COLLECTIONS', 'PAID', 'WRITTEN_OFF'];

function isStatus(value: string | null): value is StatementStatus {
  return value !== null && (STATUSES as string[]).includes(value);
}

/** Billers' list of patient accounts: balance, the last notice and the next one, the PDF, and payments. */
export function PatientBalancesPage() {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const status: StatementStatus = isStatus(params.get('status')) ? (params.get('status') as StatementStatus) : 'OPEN';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const { data, error, loading, reload } = useStatements(status, page);
  const [paying, setPaying] = useState<number | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const isBiller = user?.groups.includes('biller') ?? false;
  const takesPayments = isBiller && (status === 'OPEN' || status === 'COLLECTIONS');

  const show = (nextStatus: StatementStatus, nextPage = 0) => {
    setPaying(null);
    setConfirmation(null);
    const next: Record<string, string> = { status: nextStatus };
    if (nextPage > 0) next.page = String(nextPage);
    setParams(next);
  };

  const rows = data?.content ?? [];
  const total = data?.totalElements ?? null;
  const hasNext = total !== null ? (page + 1) * STATEMENT_PAGE_SIZE < total : rows.length === STATEMENT_PAGE_SIZE;
  const columns = takesPayments ? 8 : 7;

  return (
    <section aria-labelledby="patient-balances-heading">
      <div className="toolbar">
        <h1 id="patient-balances-heading">Patient balances</h1>
        <label>
          Status
          <select data-testid="statement-status" value={status} onChange={(e) => show(e.target.value as StatementStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>

      {confirmation && (
        <div role="status" className="notice" data-testid="payment-confirmation">
          {confirmation}
        </div>
      )}
      {loading && !data && <p role="status">Loading patient balances…</p>}
      {error != null && (
        <div role="alert" className="alert alert--error">
          Could not load patient balances: {errorMessage(error)}{' '}
          <button type="button" className="link" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {!error && data && rows.length === 0 && <p className="empty">No {STATUS_LABELS[status].toLowerCase()} accounts</p>}
      {!error && rows.length > 0 && (
        <table className="grid" data-testid="patient-balances">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Patient</th>
              <th scope="col" className="num">
                Billed
              </th>
              <th scope="col" className="num">
                Paid
              </th>
              <th scope="col" className="num">
                Balance
              </th>
              <th scope="col">Last notice</th>
              <th scope="col">Next</th>
              {takesPayments && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={row.id}>
                <tr data-testid={`statement-row-${row.id}`}>
                  <td className="mono">
                    <a href={statementPdfUrl(row.id)} target="_blank" rel="noreferrer" title="Open the statement (PDF)">
                      {row.claimNumber}
                    </a>
                  </td>
                  <td>{row.patientName}</td>
                  <td className="num">{formatCents(row.billedCents)}</td>
                  <td className="num">{formatCents(row.paidCents)}</td>
                  <td className="num">
                    <strong>{formatCents(row.balanceCents)}</strong>
                  </td>
                  <td>{lastNotice(row)}</td>
                  <td>{nextStep(row)}</td>
                  {takesPayments && (
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-expanded={paying === row.id}
                        onClick={() => {
                          setConfirmation(null);
                          setPaying(paying === row.id ? null : row.id);
                        }}
                      >
                        Record payment
                      </button>
                    </td>
                  )}
                </tr>
                {paying === row.id && (
                  <tr>
                    <td colSpan={columns}>
                      <RecordPaymentForm
                        statementId={row.id}
                        balanceCents={row.balanceCents}
                        onRecorded={(statement) => {
                          setPaying(null);
                          setConfirmation(
                            statement.status === 'PAID'
                              ? `Claim ${statement.claimNumber} is paid in full; no more notices will go out.`
                              : `Payment recorded on claim ${statement.claimNumber}; the balance is now ${formatCents(statement.balanceCents)}.`,
                          );
                          reload();
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {(page > 0 || hasNext) && (
        <nav className="pager" aria-label="Pages">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => show(status, page - 1)}>
            Previous
          </button>
          <span>Page {page + 1}</span>
          <button type="button" className="secondary" disabled={!hasNext} onClick={() => show(status, page + 1)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}

function lastNotice(row: StatementSummary) {
  if (!row.lastNotice) return <span className="muted">None yet</span>;
  return (
    <>
      {NOTICE_LABELS[row.lastNotice]} <span className="muted">{formatDateTime(row.lastNoticeSentAt)}</span>
    </>
  );
}

function nextStep(row: StatementSummary) {
  if (!row.nextStep) return <span className="muted">—</span>;
  return (
    <>
      {NEXT_STEP_LABELS[row.nextStep]} {row.nextStepDue && <span className="muted">{formatDate(row.nextStepDue)}</span>}
    </>
  );
}

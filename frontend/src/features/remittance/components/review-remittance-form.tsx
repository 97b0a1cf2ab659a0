import { useState, type FormEvent } from 'react';
import { ChoiceFieldset, type Choice } from '@/lib/choice-fieldset';
import { formatCents, formatDate } from '@/lib/format';
import { FieldMessages, FormErrors, fieldMessages } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { useRemittanceException } from '@/features/remittance/api/get-remittance-exception';
import { resolveRemittanceException } from '@/features/remittance/api/resolve-remittance-exception';
import type {
  ExceptionAction,
  ExceptionKind,
  ExceptionResolution,
  RemittanceException,
} from '@/features/remittance/api/types';

const KIND_LABELS: Record<ExceptionKind, string> = {
  CLAIM_NOT_FOUND: 'No such claim',
  UNBALANCED_CLAIM: 'Claim does not balance',
  UNBALANCED_PAYMENT: 'Payment does not balance',
  UNKNOWN_REVERSAL: 'Reversal of an unknown payment',
  NOT_AWAITED: 'Claim not waiting for payment',
  UNSUPPORTED_STATUS: 'Unsupported claim status',
  PAYMENT_REVERSED: 'Payment reversed',
};

const ACTIONS: Choice<ExceptionAction>[] = [
  { value: 'POST_TO_CLAIM', label: 'Post to claim' },
  { value: 'ACKNOWLEDGE', label: 'Acknowledge' },
];

const FIELD_NAMES: Record<string, string> = { claimNumber: 'Claim number', note: 'Note', action: 'Resolution' };

export function ReviewRemittanceForm({ exceptionId, onDone }: { exceptionId: number; onDone: () => void }) {
  return (
    <Loaded query={useRemittanceException(exceptionId)} what="remittance exception">
      {(exception) => <ExceptionReview exception={exception} onDone={onDone} />}
    </Loaded>
  );
}

function ExceptionReview({ exception, onDone }: { exception: RemittanceException; onDone: () => void }) {
  const canPost = exception.actions.includes('POST_TO_CLAIM');
  const [action, setAction] = useState<ExceptionAction | null>(canPost ? null : 'ACKNOWLEDGE');
  const [claimNumber, setClaimNumber] = useState('');
  const [note, setNote] = useState('');
  const { busy, message, errors, fail, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) {
      fail('Choose "Post to claim" or "Acknowledge".');
      return;
    }
    const resolution: ExceptionResolution = { action };
    if (action === 'POST_TO_CLAIM') resolution.claimNumber = claimNumber.trim();
    if (note.trim()) resolution.note = note.trim();
    await send(() => resolveRemittanceException(exception.id, resolution), onDone);
  };

  const resolved = exception.actions.length === 0;
  return (
    <form className="remittance-review-form" aria-labelledby="remittance-heading" onSubmit={submit}>
      <h2 id="remittance-heading">
        {KIND_LABELS[exception.kind] ?? exception.kind}
        {exception.sentClaimNumber && ` — claim ${exception.sentClaimNumber}`}
      </h2>
      <FormErrors message={message} errors={errors} describeField={(f) => FIELD_NAMES[f] ?? f} />
      <p className="remittance-review-form__message" data-testid="exception-message">
        {exception.message}
      </p>
      <dl className="facts facts--wide" data-testid="exception-facts">
        <dt>Payer</dt>
        <dd>
          {exception.payerName}
          {exception.payerId && <span className="mono"> ({exception.payerId})</span>}
        </dd>
        <dt>Trace number</dt>
        <dd className="mono">{exception.traceNumber}</dd>
        <dt>Payment</dt>
        <dd>
          {formatCents(exception.paymentCents)}
          {exception.paymentDate && ` on ${formatDate(exception.paymentDate)}`}
        </dd>
        {exception.sentClaimNumber && (
          <>
            <dt>Claim number sent</dt>
            <dd className="mono">{exception.sentClaimNumber}</dd>
            <dt>Status code</dt>
            <dd className="mono">{exception.statusCode}</dd>
            <dt>Charge</dt>
            <dd>{formatCents(exception.chargeCents)}</dd>
            <dt>Paid</dt>
            <dd>{formatCents(exception.paidCents)}</dd>
            <dt>Patient responsibility</dt>
            <dd>{formatCents(exception.patientResponsibilityCents)}</dd>
            <dt>Payer claim number</dt>
            <dd className="mono">{exception.payerClaimControl}</dd>
          </>
        )}
        {exception.differenceCents != null && (
          <>
            <dt>Out of balance by</dt>
            <dd>{formatCents(exception.differenceCents)}</dd>
          </>
        )}
        {exception.claimNumber && (
          <>
            <dt>Our claim</dt>
            <dd className="mono">{exception.claimNumber}</dd>
          </>
        )}
      </dl>

      {exception.lines.length > 0 && (
        <table className="grid">
          <caption className="visually-hidden">Service lines as the payer answered them</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Procedure</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Charge
              </th>
              <th scope="col" className="num">
                Paid
              </th>
              <th scope="col">Adjustments</th>
            </tr>
          </thead>
          <tbody>
            {exception.lines.map((line) => (
              <tr key={line.position}>
                <td className="num">{line.position}</td>
                <td className="mono">
                  {line.procedureCode}
                  {line.modifiers && `:${line.modifiers.replaceAll(',', ':')}`}
                </td>
                <td>{formatDate(line.serviceDate)}</td>
                <td className="num">{formatCents(line.chargeCents)}</td>
                <td className="num">{formatCents(line.paidCents)}</td>
                <td>
                  {exception.adjustments
                    .filter((a) => a.linePosition === line.position)
                    .map((a) => `${a.groupCode}-${a.reasonCode} ${formatCents(a.amountCents)}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {resolved ? (
        <p role="status">
          Resolved ({exception.status.toLowerCase()}) by {exception.resolvedBy}
          {exception.resolvedClaimNumber && ` to claim ${exception.resolvedClaimNumber}`}
          {exception.resolutionNote && `: ${exception.resolutionNote}`}
        </p>
      ) : (
        <>
          {canPost && (
            <ChoiceFieldset legend="Resolution" name="action" choices={ACTIONS} value={action} onChange={setAction} disabled={busy} />
          )}
          {action === 'POST_TO_CLAIM' && (
            <label className="stacked">
              Claim number
              <input
                data-testid="post-claim-number"
                value={claimNumber}
                disabled={busy}
                aria-describedby="claim-number-errors"
                onChange={(e) => setClaimNumber(e.target.value)}
              />
            </label>
          )}
          {action === 'POST_TO_CLAIM' && (
            <FieldMessages id="claim-number-errors" messages={fieldMessages(errors, 'claimNumber')} />
          )}
          <NoteField testId="exception-note" value={note} disabled={busy} aria-describedby="note-errors" onChange={setNote} />
          <FieldMessages id="note-errors" messages={fieldMessages(errors, 'note')} />
          <div className="form-actions">
            <button
              type="submit"
              data-testid="resolve-exception"
              disabled={
                busy ||
                action === null ||
                (action === 'POST_TO_CLAIM' && claimNumber.trim() === '') ||
                (action === 'ACKNOWLEDGE' && note.trim() === '')
              }
            >
              {busy ? 'Saving…' : action === 'POST_TO_CLAIM' ? 'Post payment' : action === 'ACKNOWLEDGE' ? 'Acknowledge' : 'Resolve'}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

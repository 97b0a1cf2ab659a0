import { useState, type FormEvent } from 'react';
import { formatCents } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { useStatement } from '@/features/statements/api/get-statement';
import { reviewStatement } from '@/features/statements/api/review-statement';
import type { ReviewDecision, ReviewInput, Statement } from '@/features/statements/api/types';
import { StatementDetails } from '@/features/statements/components/statement-details';

const DECISIONS: { value: ReviewDecision; label: string; hint: string }[] = [
  { value: 'KEEP_BILLING', label: 'Keep billing', hint: 'Send a new statement and its reminders, e.g. for a payment plan.' },
  { value: 'COLLECTIONS', label: 'Send to collections', hint: 'Hand the balance to the collection agency.' },
  { value: 'WRITE_OFF', label: 'Write off the balance', hint: 'Hardship, or not worth chasing.' },
];

/** Task_ReviewPatientBalance: the manager decides what happens to a balance the notices did not collect. */
export function PatientBalanceForm({ statementId, onDone }: { statementId: number; onDone: () => void }) {
  return (
    <Loaded query={useStatement(statementId)} what="patient balance">
      {(statement) => <ReviewEditor statement={statement} onDone={onDone} />}
    </Loaded>
  );
}

function ReviewEditor({ statement, onDone }: { statement: Statement; onDone: () => void }) {
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [note, setNote] = useState('');
  const { busy, message, errors, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    const review: ReviewInput = { decision };
    if (note.trim()) review.note = note.trim();
    await send(() => reviewStatement(statement.id, review), onDone);
  };

  return (
    <form className="patient-balance-form" aria-labelledby="patient-balance-heading" onSubmit={submit}>
      <h2 id="patient-balance-heading">
        Patient balance of {formatCents(statement.balanceCents)} on claim {statement.claimNumber}
      </h2>
      <FormErrors message={message} errors={errors} />
      {statement.status !== 'OPEN' && (
        <div role="status" className="notice">
          This account is already closed; there is nothing left to decide.
        </div>
      )}
      <StatementDetails statement={statement} />

      <fieldset className="choice" disabled={busy || statement.status !== 'OPEN'}>
        <legend>Decision</legend>
        {DECISIONS.map((d) => (
          <label key={d.value}>
            <input
              type="radio"
              name="decision"
              value={d.value}
              checked={decision === d.value}
              onChange={() => setDecision(d.value)}
            />
            {d.label} <span className="hint">{d.hint}</span>
          </label>
        ))}
      </fieldset>
      <NoteField testId="review-note" maxLength={2000} value={note} disabled={busy} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" data-testid="decide-balance" disabled={busy || decision === null}>
          {busy ? 'Saving…' : 'Decide'}
        </button>
      </div>
    </form>
  );
}

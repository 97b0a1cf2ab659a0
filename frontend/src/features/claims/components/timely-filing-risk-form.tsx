import { useState, type FormEvent } from 'react';
import { DaysLeft } from '@/lib/days-left';
import { daysUntil, formatDateTime } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { useClaim } from '@/features/claims/api/get-claim';
import { reviewTimelyFilingRisk } from '@/features/claims/api/review-timely-filing-risk';
import type { Claim } from '@/features/claims/api/types';
import { ClaimHeader } from '@/features/claims/components/claim-summary';

interface Props {
  claimId: number;
  /** The payer's timely-filing deadline: the task's due date (end of the last day, as an instant). */
  deadline: string | null;
  onDone: () => void;
}

export function TimelyFilingRiskForm({ claimId, deadline, onDone }: Props) {
  return (
    <Loaded query={useClaim(claimId)} what="claim">
      {(claim) => <TimelyFilingRiskEditor claim={claim} deadline={deadline} onDone={onDone} />}
    </Loaded>
  );
}

/** A claim the payer has still not accepted close to its timely-filing deadline: a manager acts and says what was done. */
function TimelyFilingRiskEditor({ claim, deadline, onDone }: { claim: Claim; deadline: string | null; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { busy, message, errors, send } = useSubmission();
  const daysLeft = daysUntil(deadline);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(() => reviewTimelyFilingRisk(claim.id, note.trim() || undefined), onDone);
  };

  const last = claim.submissions[claim.submissions.length - 1];
  return (
    <form className="claim-form" aria-labelledby="timely-filing-heading" onSubmit={submit}>
      <h2 id="timely-filing-heading">Timely-filing deadline at risk for claim {claim.claimNumber}</h2>
      <p className="hint">
        The payer has not accepted this claim and its filing limit is near. Get it accepted before the deadline, or it
        can only be written off.
      </p>
      <FormErrors message={message} errors={errors} />
      <dl className="facts" data-testid="timely-filing-deadline">
        <dt>Filing deadline</dt>
        <dd>
          {deadline ? (
            <>
              {formatDateTime(deadline)} {daysLeft !== null && <DaysLeft days={daysLeft} testId="timely-filing-days-left" />}
            </>
          ) : (
            <span className="muted">Not known</span>
          )}
        </dd>
        <dt>Last submitted</dt>
        <dd>{last ? formatDateTime(last.submittedAt) : <span className="muted">Never</span>}</dd>
      </dl>
      <ClaimHeader claim={claim} />
      <NoteField
        label="What was done"
        testId="timely-filing-note"
        rows={4}
        value={note}
        disabled={busy}
        placeholder="Reassigned to …, called the payer …, resubmitted on …"
        onChange={setNote}
      />
      <div className="form-actions">
        <button type="submit" data-testid="review-timely-filing" disabled={busy}>
          {busy ? 'Saving…' : 'Record review'}
        </button>
      </div>
    </form>
  );
}

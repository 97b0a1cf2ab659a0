import { useState, type FormEvent } from 'react';
import { formatDateTime } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { followUpClaim } from '@/features/claims/api/follow-up-claim';
import { useClaim } from '@/features/claims/api/get-claim';
import type { Claim } from '@/features/claims/api/types';
import { ClaimHeader, ClaimLinesTable } from '@/features/claims/components/claim-summary';

/** What the claim still waits for, by chase task; each says what to check. */
export type AwaitedAnswer = 'FUNCTIONAL_ACK' | 'CLAIM_ACK' | 'REMITTANCE';

const HINTS: Record<AwaitedAnswer, { title: string; hint: string }> = {
  FUNCTIONAL_ACK: {
    title: 'Chase the missing 999 for claim',
    hint: 'The clearinghouse has not confirmed it could read the file. Check its portal for the file, then record what you found.',
  },
  CLAIM_ACK: {
    title: 'Chase the missing 277CA for claim',
    hint: 'The payer has not said whether it accepted the claim. Check the payer or clearinghouse portal, then record what you found.',
  },
  REMITTANCE: {
    title: 'Follow up claim',
    hint: 'No remittance has arrived for this claim yet. Check with the payer, then record what you found.',
  },
};

export function FollowUpForm({
  claimId,
  onDone,
  awaiting = 'REMITTANCE',
}: {
  claimId: number;
  onDone: () => void;
  awaiting?: AwaitedAnswer;
}) {
  return (
    <Loaded query={useClaim(claimId)} what="claim">
      {(claim) => <FollowUpEditor claim={claim} awaiting={awaiting} onDone={onDone} />}
    </Loaded>
  );
}

function FollowUpEditor({ claim, awaiting, onDone }: { claim: Claim; awaiting: AwaitedAnswer; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { busy, message, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(() => followUpClaim(claim.id, note.trim()), onDone);
  };

  const last = claim.submissions[claim.submissions.length - 1];
  return (
    <form className="claim-form" aria-labelledby="follow-up-heading" onSubmit={submit}>
      <h2 id="follow-up-heading">
        {HINTS[awaiting].title} {claim.claimNumber}
      </h2>
      <p className="hint">{HINTS[awaiting].hint}</p>
      <FormErrors message={message} />
      <ClaimHeader claim={claim} />
      {last && (
        <p>
          Last submitted {formatDateTime(last.submittedAt)} (submission {last.sequence}, <span className="mono">{last.fileName}</span>)
        </p>
      )}
      <ClaimLinesTable claim={claim} />
      <NoteField testId="follow-up-note" rows={4} value={note} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" data-testid="follow-up-done" disabled={busy}>
          {busy ? 'Saving…' : 'Follow-up done'}
        </button>
      </div>
    </form>
  );
}

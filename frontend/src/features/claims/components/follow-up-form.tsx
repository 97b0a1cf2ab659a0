import { useState, type FormEvent } from 'react';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { followUpClaim } from '@/features/claims/api/follow-up-claim';
import { useClaim } from '@/features/claims/api/get-claim';
import { ClaimHeader, ClaimLinesTable } from '@/features/claims/components/claim-summary';

export function FollowUpForm({ claimId, onDone }: { claimId: number; onDone: () => void }) {
  const { data: claim, error, loading } = useClaim(claimId);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (loading && !claim) return <p role="status">Loading claim…</p>;
  if (error || !claim) {
    return (
      <div role="alert" className="alert alert--error">
        Could not load the claim: {errorMessage(error)}
      </div>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await followUpClaim(claim.id, note.trim());
      onDone();
    } catch (err) {
      setBusy(false);
      setFailure(errorMessage(err));
    }
  };

  const last = claim.submissions[claim.submissions.length - 1];
  return (
    <form className="claim-form" aria-labelledby="follow-up-heading" onSubmit={submit}>
      <h2 id="follow-up-heading">Follow up claim {claim.claimNumber}</h2>
      <p className="hint">No remittance has arrived for this claim yet. Check with the payer, then record what you found.</p>
      <FormErrors message={failure} />
      <ClaimHeader claim={claim} />
      {last && (
        <p>
          Last submitted {formatDateTime(last.submittedAt)} (submission {last.sequence}, <span className="mono">{last.fileName}</span>)
        </p>
      )}
      <ClaimLinesTable claim={claim} />
      <label className="stacked">
        Note
        <textarea data-testid="follow-up-note" rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" data-testid="follow-up-done" disabled={busy}>
          {busy ? 'Saving…' : 'Follow-up done'}
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { FormErrors } from '@/lib/form-errors';
import { useClaim } from '@/features/claims/api/get-claim';
import { prepareClaim } from '@/features/claims/api/prepare-claim';
import { ClaimDiagnoses, ClaimHeader, ClaimLinesTable } from '@/features/claims/components/claim-summary';

export function PrepareClaimForm({ claimId, onDone }: { claimId: number; onDone: () => void }) {
  const { data: claim, error, loading } = useClaim(claimId);
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

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await prepareClaim(claim.id);
      onDone();
    } catch (err) {
      setBusy(false);
      setFailure(errorMessage(err));
    }
  };

  return (
    <section className="claim-form" aria-labelledby="prepare-heading">
      <h2 id="prepare-heading">Prepare claim {claim.claimNumber}</h2>
      <FormErrors message={failure} />
      <ClaimHeader claim={claim} />
      <ClaimDiagnoses claim={claim} />
      <h3>Lines</h3>
      <ClaimLinesTable claim={claim} />
      <div className="form-actions">
        <button type="button" data-testid="submit-claim" disabled={busy} onClick={() => void submit()}>
          {busy ? 'Submitting…' : 'Submit claim'}
        </button>
      </div>
    </section>
  );
}

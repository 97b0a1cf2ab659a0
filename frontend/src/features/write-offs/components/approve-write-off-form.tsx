import { useState, type FormEvent } from 'react';
import { ChoiceFieldset, type Choice } from '@/lib/choice-fieldset';
import { claimStatusLabel } from '@/lib/claim-status';
import { DeniedItemsTable } from '@/lib/denied-items';
import { formatCents } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { decideWriteOff } from '@/features/write-offs/api/decide-write-off';
import { useWriteOff } from '@/features/write-offs/api/get-write-off';
import type { WriteOff, WriteOffDecision } from '@/features/write-offs/api/types';

type Decision = 'APPROVE' | 'REFUSE';

const CHOICES: Choice<Decision>[] = [
  { value: 'APPROVE', label: 'Approve', hint: 'The balance is written off and the claim closed.' },
  { value: 'REFUSE', label: 'Refuse', hint: 'The denial goes back to the billers’ queue to be worked; say what to try in the note.' },
];

export function ApproveWriteOffForm({ writeOffId, onDone }: { writeOffId: number; onDone: () => void }) {
  return (
    <Loaded query={useWriteOff(writeOffId)} what="write-off">
      {(writeOff) => <WriteOffEditor writeOff={writeOff} onDone={onDone} />}
    </Loaded>
  );
}

/** A manager decides whether money the payer will not pay is written off, or worked further. */
function WriteOffEditor({ writeOff, onDone }: { writeOff: WriteOff; onDone: () => void }) {
  const [choice, setChoice] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const { busy, message, errors, fail, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      fail('Choose "Approve" or "Refuse".');
      return;
    }
    const decision: WriteOffDecision = { approved: choice === 'APPROVE' };
    if (note.trim()) decision.note = note.trim();
    await send(() => decideWriteOff(writeOff.id, decision), onDone);
  };

  return (
    <form className="write-off-form" aria-labelledby="write-off-heading" onSubmit={submit}>
      <h2 id="write-off-heading">Write-off for claim {writeOff.claimNumber}</h2>
      <FormErrors message={message} errors={errors} />
      <dl className="facts facts--wide" data-testid="write-off-facts">
        <dt>Claim</dt>
        <dd className="mono">{writeOff.claimNumber}</dd>
        <dt>Payer</dt>
        <dd>{writeOff.payerName}</dd>
        <dt>Claim status</dt>
        <dd>{claimStatusLabel(writeOff.claimStatus)}</dd>
        <dt>Amount</dt>
        <dd data-testid="write-off-amount">{formatCents(writeOff.amountCents)}</dd>
      </dl>
      <p className="notice" data-testid="write-off-reason">
        {writeOff.reason}
      </p>
      <h3>Denied items</h3>
      <DeniedItemsTable items={writeOff.denials} />

      <ChoiceFieldset legend="Decision" name="decision" choices={CHOICES} value={choice} onChange={setChoice} disabled={busy} />
      <NoteField testId="write-off-note" value={note} disabled={busy} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" data-testid="decide-write-off" disabled={busy || choice === null}>
          {busy ? 'Saving…' : 'Record decision'}
        </button>
      </div>
    </form>
  );
}

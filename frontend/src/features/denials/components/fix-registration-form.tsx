import { useState, type FormEvent } from 'react';
import { FieldMessages, fieldMessages, FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { useDenial } from '@/features/denials/api/get-denial';
import { fixRegistration } from '@/features/denials/api/fix-registration';
import type { Denial, RegistrationFix } from '@/features/denials/api/types';
import { DenialSummary } from '@/features/denials/components/denial-summary';

const MEMBER_ID = /^[A-Za-z0-9-]+$/;

export function FixRegistrationForm({ denialId, onDone }: { denialId: number; onDone: () => void }) {
  return (
    <Loaded query={useDenial(denialId)} what="denial">
      {(denial) => <RegistrationEditor denial={denial} onDone={onDone} />}
    </Loaded>
  );
}

/** The payer could not match the member: the biller enters the id from the patient's card; the claim goes out again. */
function RegistrationEditor({ denial, onDone }: { denial: Denial; onDone: () => void }) {
  const [memberId, setMemberId] = useState('');
  const [note, setNote] = useState('');
  const { busy, message, errors, fail, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = memberId.trim();
    const problem = !id
      ? 'Enter the member id from the patient’s insurance card.'
      : !MEMBER_ID.test(id)
        ? 'A member id has only letters, digits and dashes.'
        : null;
    if (problem) {
      fail(null, [{ field: 'memberId', severity: 'ERROR', message: problem }]);
      return;
    }
    const fix: RegistrationFix = { memberId: id };
    if (note.trim()) fix.note = note.trim();
    await send(() => fixRegistration(denial.id, fix), onDone);
  };

  const memberIdMessages = fieldMessages(errors, 'memberId');
  return (
    <form className="denial-form" aria-labelledby="registration-heading" onSubmit={submit} noValidate>
      <h2 id="registration-heading">Fix registration for claim {denial.claimNumber}</h2>
      <FormErrors message={message} errors={errors} describeField={(f) => (f === 'memberId' ? 'Member id' : f)} />
      <DenialSummary denial={denial} />

      <label className="stacked">
        Member id (as on the patient’s card)
        <input
          data-testid="registration-member-id"
          value={memberId}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={80}
          disabled={busy}
          aria-invalid={memberIdMessages.length > 0 || undefined}
          aria-describedby={memberIdMessages.length > 0 ? 'registration-member-id-error' : undefined}
          onChange={(e) => setMemberId(e.target.value)}
        />
      </label>
      <FieldMessages id="registration-member-id-error" messages={memberIdMessages} />
      <NoteField testId="registration-note" value={note} disabled={busy} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" data-testid="fix-registration" disabled={busy}>
          {busy ? 'Saving…' : 'Fix registration and resubmit'}
        </button>
      </div>
    </form>
  );
}

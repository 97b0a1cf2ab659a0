import { useState, type FormEvent } from 'react';
import { formatDateTime } from '@/lib/format';
import { FieldMessages, fieldMessages, FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { useSubmission } from '@/lib/use-submission';
import { useAppeal } from '@/features/appeals/api/get-appeal';
import { sendAppeal } from '@/features/appeals/api/send-appeal';
import { ARGUMENT_MAX_LENGTH, type Appeal } from '@/features/appeals/api/types';
import { AppealLetterLink, AppealSummary } from '@/features/appeals/components/appeal-summary';

export function PrepareAppealForm({ appealId, onDone }: { appealId: number; onDone: () => void }) {
  return (
    <Loaded query={useAppeal(appealId)} what="appeal">
      {(appeal) => <PrepareAppealEditor appeal={appeal} onDone={onDone} />}
    </Loaded>
  );
}

/** The biller writes why the payer should pay (necessity, the authorization on file ...) and sends the letter. */
function PrepareAppealEditor({ appeal, onDone }: { appeal: Appeal; onDone: () => void }) {
  const [argument, setArgument] = useState(appeal.argument ?? '');
  const { busy, message, errors, fail, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = argument.trim();
    if (!text) {
      fail(null, [{ field: 'argument', severity: 'ERROR', message: 'Write why the payer should reconsider; the letter sends it.' }]);
      return;
    }
    await send(() => sendAppeal(appeal.id, { argument: text }), onDone);
  };

  const argumentMessages = fieldMessages(errors, 'argument');
  return (
    <form className="appeal-form" aria-labelledby="appeal-heading" onSubmit={submit} noValidate>
      <h2 id="appeal-heading">Appeal for claim {appeal.claimNumber}</h2>
      <FormErrors message={message} errors={errors} describeField={(f) => (f === 'argument' ? 'Argument' : f)} />
      {appeal.daysLeft < 0 && (
        <div role="alert" className="alert alert--error">
          The payer’s appeal window has closed: the payer may refuse a late appeal.
        </div>
      )}
      <AppealSummary appeal={appeal} />
      {appeal.sentAt && (
        <p className="notice">
          Sent {formatDateTime(appeal.sentAt)}
          {appeal.sentBy ? ` by ${appeal.sentBy}` : ''}.
        </p>
      )}
      <AppealLetterLink appeal={appeal} sent={appeal.sentAt != null} />

      <label className="stacked">
        Argument (required)
        <textarea
          data-testid="appeal-argument"
          rows={8}
          value={argument}
          required
          maxLength={ARGUMENT_MAX_LENGTH}
          disabled={busy}
          aria-invalid={argumentMessages.length > 0 || undefined}
          aria-describedby={argumentMessages.length > 0 ? 'appeal-argument-error appeal-argument-count' : 'appeal-argument-count'}
          onChange={(e) => setArgument(e.target.value)}
        />
      </label>
      <FieldMessages id="appeal-argument-error" messages={argumentMessages} />
      <p className="hint" id="appeal-argument-count">
        Why the service was necessary, the authorization on file, what the documentation shows. {argument.length} of{' '}
        {ARGUMENT_MAX_LENGTH} characters.
      </p>
      <div className="form-actions">
        <button type="submit" data-testid="send-appeal" disabled={busy}>
          {busy ? 'Sending…' : 'Send appeal'}
        </button>
      </div>
    </form>
  );
}

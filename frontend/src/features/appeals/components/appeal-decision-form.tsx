import { useState, type FormEvent } from 'react';
import { ChoiceFieldset, type Choice } from '@/lib/choice-fieldset';
import { formatDateTime } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { useAppeal } from '@/features/appeals/api/get-appeal';
import { recordAppealDecision } from '@/features/appeals/api/record-appeal-decision';
import type { Appeal, AppealDecision, AppealOutcome } from '@/features/appeals/api/types';
import { AppealLetterLink, AppealSummary } from '@/features/appeals/components/appeal-summary';

const OUTCOMES: Choice<AppealOutcome>[] = [
  { value: 'OVERTURNED', label: 'Overturned', hint: 'The payer will pay: the claim waits for the remittance.' },
  { value: 'UPHELD', label: 'Upheld', hint: 'The payer keeps the denial: it goes back to the denial queue.' },
];

export function AppealDecisionForm({ appealId, onDone }: { appealId: number; onDone: () => void }) {
  return (
    <Loaded query={useAppeal(appealId)} what="appeal">
      {(appeal) => <AppealDecisionEditor appeal={appeal} onDone={onDone} />}
    </Loaded>
  );
}

/** The payer answered the appeal by letter: the biller records what it decided. */
function AppealDecisionEditor({ appeal, onDone }: { appeal: Appeal; onDone: () => void }) {
  const [outcome, setOutcome] = useState<AppealOutcome | null>(null);
  const [note, setNote] = useState('');
  const { busy, message, errors, fail, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      fail('Choose "Overturned" or "Upheld".');
      return;
    }
    const decision: AppealDecision = { outcome };
    if (note.trim()) decision.note = note.trim();
    await send(() => recordAppealDecision(appeal.id, decision), onDone);
  };

  return (
    <form className="appeal-form" aria-labelledby="appeal-decision-heading" onSubmit={submit}>
      <h2 id="appeal-decision-heading">Payer’s decision on the appeal for claim {appeal.claimNumber}</h2>
      <FormErrors message={message} errors={errors} />
      <AppealSummary appeal={appeal} showDeadline={false} />

      <h3>Appeal as sent</h3>
      <p data-testid="appeal-sent">
        {appeal.sentAt ? `Sent ${formatDateTime(appeal.sentAt)}${appeal.sentBy ? ` by ${appeal.sentBy}` : ''}` : 'Not sent yet'}
      </p>
      {appeal.argument && (
        <blockquote className="argument" data-testid="appeal-sent-argument">
          {appeal.argument}
        </blockquote>
      )}
      <AppealLetterLink appeal={appeal} sent={appeal.sentAt != null} />

      <ChoiceFieldset legend="Outcome" name="outcome" choices={OUTCOMES} value={outcome} onChange={setOutcome} disabled={busy} />
      <NoteField testId="appeal-decision-note" value={note} disabled={busy} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" data-testid="record-appeal-decision" disabled={busy || outcome === null}>
          {busy ? 'Saving…' : 'Record decision'}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { EncounterChart } from '@/lib/encounter-chart';
import { formatDate, formatDateTime } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { answerQuery } from '@/features/queries/api/answer-query';
import { usePhysicianQuery } from '@/features/queries/api/get-query';
import type { PhysicianQuery } from '@/features/queries/api/types';

export function AnswerQueryForm({ queryId, onDone }: { queryId: number; onDone: () => void }) {
  return (
    <Loaded query={usePhysicianQuery(queryId)} what="query" retry>
      {(query) => <AnswerEditor query={query} onDone={onDone} />}
    </Loaded>
  );
}

function AnswerEditor({ query, onDone }: { query: PhysicianQuery; onDone: () => void }) {
  const [choice, setChoice] = useState<string | null>(null);
  const [freeText, setFreeText] = useState('');
  const { busy, message, errors, fail, send } = useSubmission();
  const answered = query.answeredAt != null || (query.status ?? '').toUpperCase() === 'ANSWERED';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      fail('Choose the answer that the documentation supports.');
      return;
    }
    await send(() => answerQuery(query.id, { choice, freeText: query.allowFreeText && freeText.trim() ? freeText.trim() : null }), onDone);
  };

  return (
    <div className="coding">
      <EncounterChart id="query" encounterNumber={query.encounterNumber} documentation={query.documentation}>
        {query.patientName && (
          <>
            <dt>Patient</dt>
            <dd>{query.patientName}</dd>
          </>
        )}
        {query.dateOfService && (
          <>
            <dt>Date of service</dt>
            <dd>{formatDate(query.dateOfService)}</dd>
          </>
        )}
        {query.askedBy && (
          <>
            <dt>Asked by</dt>
            <dd>
              {query.askedBy}
              {query.askedAt ? `, ${formatDateTime(query.askedAt)}` : ''}
            </dd>
          </>
        )}
      </EncounterChart>

      <form className="answer-form" aria-labelledby="answer-heading" onSubmit={submit} noValidate>
        <h2 id="answer-heading">Query from coding</h2>
        <FormErrors message={message} errors={errors} />
        <p className="query-question" data-testid="query-question">
          {query.question}
        </p>
        {answered ? (
          <p className="notice" data-testid="query-answered">
            Answered{query.answeredBy ? ` by ${query.answeredBy}` : ''}: {query.answerChoice}
            {query.answerFreeText ? ` — ${query.answerFreeText}` : ''}
          </p>
        ) : (
          <>
            <fieldset className="choice" disabled={busy}>
              <legend>Your answer</legend>
              {query.options.map((option, index) => (
                <label key={option}>
                  <input
                    type="radio"
                    name="choice"
                    value={option}
                    data-testid={`query-choice-${index}`}
                    checked={choice === option}
                    onChange={() => setChoice(option)}
                  />{' '}
                  {option}
                </label>
              ))}
            </fieldset>
            {query.allowFreeText && (
              <NoteField label="Comment (optional)" testId="query-free-text" value={freeText} disabled={busy} onChange={setFreeText} />
            )}
            <div className="form-actions">
              <button type="submit" data-testid="answer-query" disabled={busy}>
                {busy ? 'Sending…' : 'Send answer'}
              </button>
            </div>
          </>
        )}
      </form>
    </div>
  );
}

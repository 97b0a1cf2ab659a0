import { useState, type FormEvent } from 'react';
import type { NewPhysicianQuery } from '@/features/coding/api/types';

export const CLINICALLY_UNDETERMINED = 'Clinically undetermined';

interface QueryPhysicianFormProps {
  busy: boolean;
  onSend: (query: NewPhysicianQuery) => void;
  onCancel: () => void;
}

/**
 * A non-leading query: an open question and every clinically reasonable answer, with "Clinically
 * undetermined" always offered, so the physician is never steered to the code that pays more.
 */
export function QueryPhysicianForm({ busy, onSend, onCancel }: QueryPhysicianFormProps) {
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState<string[]>(['', '']);
  const [allowFreeText, setAllowFreeText] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const answers = options.map((o) => o.trim()).filter((o) => o.length > 0);
    if (question.trim() === '') {
      setProblem('Write the question for the physician.');
      return;
    }
    if (answers.length === 0) {
      setProblem('Offer at least one clinically reasonable answer.');
      return;
    }
    if (new Set(answers.map((a) => a.toLowerCase())).size !== answers.length) {
      setProblem('Each answer must be different.');
      return;
    }
    setProblem(null);
    const withoutUndetermined = answers.filter((a) => a.toLowerCase() !== CLINICALLY_UNDETERMINED.toLowerCase());
    onSend({ question: question.trim(), options: [...withoutUndetermined, CLINICALLY_UNDETERMINED], allowFreeText });
  };

  return (
    <form
      className="query-panel"
      aria-labelledby="query-heading"
      data-testid="query-panel"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      noValidate
    >
      <h3 id="query-heading">Query the physician</h3>
      <p className="hint">
        Ask an open question and list every clinically reasonable answer; do not suggest the answer or mention payment.
        Coding waits for the answer, which is added to the documentation. Your draft is saved first.
      </p>
      {problem && (
        <p role="alert" className="alert alert--error">
          {problem}
        </p>
      )}
      <fieldset disabled={busy}>
        <label className="stacked">
          Question
          <textarea
            data-testid="query-question"
            rows={3}
            autoFocus
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
        </label>
        <fieldset className="query-panel__options">
          <legend>Answers to offer</legend>
          {options.map((option, index) => (
            <input
              key={index}
              data-testid={`query-option-${index}`}
              aria-label={`Answer ${index + 1}`}
              value={option}
              onChange={(e) => setOptions((all) => all.map((o, i) => (i === index ? e.target.value : o)))}
            />
          ))}
          <div className="muted">Always offered: {CLINICALLY_UNDETERMINED}</div>
          <button type="button" className="secondary" onClick={() => setOptions((all) => [...all, ''])}>
            Add answer
          </button>
        </fieldset>
        <label>
          <input type="checkbox" checked={allowFreeText} onChange={(e) => setAllowFreeText(e.target.checked)} /> Let the
          physician add free text
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" data-testid="send-query" disabled={busy}>
          {busy ? 'Sending…' : 'Send query'}
        </button>
      </div>
    </form>
  );
}

import type { FieldProblem } from '@/lib/api-client';

interface FormErrorsProps {
  /** A message not tied to a field (409, network trouble ...). */
  message?: string | null;
  errors?: FieldProblem[];
  /** Human names for API field paths, e.g. `diagnoses[0].code` → "Diagnosis 1 code". */
  describeField?: (field: string) => string;
  /** When given, field names become buttons that take the user to the field. */
  onSelectField?: (field: string) => void;
}

/** The error summary at the top of a form; Selenium and screen readers find it by data-testid / role=alert. */
export function FormErrors({ message, errors = [], describeField = (f) => f, onSelectField }: FormErrorsProps) {
  if (!message && errors.length === 0) return null;
  // What blocks completion comes first; warnings (which do not) after, in the API's order.
  const ordered = [...errors].sort((a, b) => rank(a) - rank(b));
  return (
    <div className="form-errors" role="alert" data-testid="form-errors" tabIndex={-1}>
      {message && <p className="form-errors__message">{message}</p>}
      {errors.length > 0 && (
        <ul>
          {ordered.map((error, index) => (
            <li key={index} className={error.severity === 'WARNING' ? 'warning' : 'error'}>
              {error.severity === 'WARNING' && <strong>Warning: </strong>}
              {error.field && onSelectField ? (
                <>
                  <button type="button" className="link form-errors__field" onClick={() => onSelectField(error.field!)}>
                    {describeField(error.field)}
                  </button>
                  :{' '}
                </>
              ) : (
                error.field && <span className="form-errors__field">{describeField(error.field)}: </span>
              )}
              {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function rank(problem: FieldProblem): number {
  return problem.severity === 'WARNING' ? 1 : 0;
}

/** Messages for one field, e.g. fieldMessages(errors, 'diagnoses[0].code'). */
export function fieldMessages(errors: FieldProblem[], field: string): FieldProblem[] {
  return errors.filter((error) => error.field === field);
}

export function FieldMessages({ id, messages }: { id: string; messages: FieldProblem[] }) {
  if (messages.length === 0) return null;
  return (
    <div id={id} className="field-error">
      {messages.map((m, i) => (
        <div key={i} className={m.severity === 'WARNING' ? 'warning' : 'error'}>
          {m.message}
        </div>
      ))}
    </div>
  );
}

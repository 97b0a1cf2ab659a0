import { useState } from 'react';
import { ApiError, errorMessage, type FieldProblem } from '@/lib/api-client';

export interface Submission {
  /** True while the call runs, and after it succeeded (the form is done; its task page moves on). */
  busy: boolean;
  /** A message not tied to a field, for FormErrors. */
  message: string | null;
  /** The field problems of the last failure, for FormErrors and FieldMessages. */
  errors: FieldProblem[];
  /** A problem found before sending anything: shows the message and the field problems (none unless given). */
  fail: (message: string | null, errors?: FieldProblem[]) => void;
  /**
   * Sends: clears the last problems, is busy while `call` runs, then hands its result to `onSuccess`. When it fails,
   * busy ends and the error's message and field problems (of a problem detail) are shown.
   */
  send: <T>(call: () => Promise<T>, onSuccess: (result: T) => void) => Promise<void>;
}

/** The busy flag and the error summary of a form that sends one request. */
export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldProblem[]>([]);

  const fail = (failure: string | null, problems: FieldProblem[] = []) => {
    setMessage(failure);
    setErrors(problems);
  };

  const send = async <T>(call: () => Promise<T>, onSuccess: (result: T) => void) => {
    setBusy(true);
    setMessage(null);
    setErrors([]);
    try {
      onSuccess(await call());
    } catch (err) {
      setBusy(false);
      setMessage(errorMessage(err));
      if (err instanceof ApiError) setErrors(err.problem.errors ?? []);
    }
  };

  return { busy, message, errors, fail, send };
}

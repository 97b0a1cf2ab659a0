import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-client';
import type { QueryState } from '@/lib/use-query';

interface LoadedProps<T> {
  query: QueryState<T>;
  /** What is loaded, as the messages name it: "appeal" → "Loading appeal…", "Could not load the appeal: …". */
  what: string;
  /** Offer "Try again" (the query's reload) beside the error. */
  retry?: boolean;
  /** The form or view, once the data is there; it stays while the query reloads. */
  children: (data: T) => ReactNode;
}

/**
 * The loading and error states in front of a task form: "Loading …" (role=status) until the data first arrives, an
 * error alert when it cannot be loaded, else the children with the data.
 */
export function Loaded<T>({ query, what, retry = false, children }: LoadedProps<T>) {
  const { data, error, loading, reload } = query;
  if (loading && !data) return <p role="status">{`Loading ${what}…`}</p>;
  if (error || !data) {
    return (
      <div role="alert" className="alert alert--error">
        {`Could not load the ${what}: `}
        {errorMessage(error)}
        {retry && (
          <>
            {' '}
            <button type="button" className="link" onClick={reload}>
              Try again
            </button>
          </>
        )}
      </div>
    );
  }
  return <>{children(data)}</>;
}

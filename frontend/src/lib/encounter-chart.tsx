import type { ReactNode } from 'react';

interface EncounterChartProps {
  /** Prefix of the heading ids, e.g. "audit" → audit-chart-heading, audit-documentation-heading. */
  id: string;
  encounterNumber?: string | null;
  documentation?: string | null;
  /** The facts, as <dt>/<dd> pairs. */
  children: ReactNode;
}

/** The encounter beside a coding-related form: its facts and, when there is some, the documentation to read. */
export function EncounterChart({ id, encounterNumber, documentation, children }: EncounterChartProps) {
  return (
    <section className="coding__chart" aria-labelledby={`${id}-chart-heading`}>
      <h2 id={`${id}-chart-heading`}>Encounter {encounterNumber ?? ''}</h2>
      <dl className="facts">{children}</dl>
      {documentation && (
        <>
          <h3 id={`${id}-documentation-heading`}>Documentation</h3>
          <pre className="documentation" tabIndex={0} aria-labelledby={`${id}-documentation-heading`} data-testid="documentation">
            {documentation}
          </pre>
        </>
      )}
    </section>
  );
}

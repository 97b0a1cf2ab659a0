import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, type FieldProblem } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { FieldMessages, FormErrors, fieldMessages } from '@/lib/form-errors';
import { completeCoding } from '@/features/coding/api/complete-coding';
import { useCodingCase } from '@/features/coding/api/get-coding-case';
import { saveDraft } from '@/features/coding/api/save-draft';
import { describeCode } from '@/features/coding/api/search-codes';
import type { CodingCase } from '@/features/coding/api/types';
import {
  describeField,
  newDiagnosisRow,
  newProcedureRow,
  rowsFromCodes,
  shiftPointers,
  toCodes,
  toScreenField,
  type FormRows,
  type ProcedureRow,
} from '@/features/coding/components/coding-form-model';

interface CodingFormProps {
  caseId: number;
  /** Called after "Complete coding" succeeded. */
  onDone: () => void;
}

export function CodingForm({ caseId, onDone }: CodingFormProps) {
  const { data: codingCase, error, loading } = useCodingCase(caseId);
  if (loading && !codingCase) return <p role="status">Loading coding case…</p>;
  if (error || !codingCase) {
    return (
      <div role="alert" className="alert alert--error">
        Could not load the coding case: {errorMessage(error)}
      </div>
    );
  }
  return <CodingEditor codingCase={codingCase} onDone={onDone} />;
}

function initialDescriptions(codingCase: CodingCase): Record<string, string | null> {
  const known: Record<string, string | null> = {};
  for (const codes of [codingCase.finalCodes, codingCase.draft]) {
    for (const d of codes?.diagnoses ?? []) {
      if (d.description) known[d.code.toUpperCase()] = d.description;
    }
  }
  return known;
}

function CodingEditor({ codingCase, onDone }: { codingCase: CodingCase; onDone: () => void }) {
  const [rows, setRows] = useState<FormRows>(() => rowsFromCodes(codingCase.draft ?? codingCase.finalCodes));
  const [descriptions, setDescriptions] = useState<Record<string, string | null>>(() => initialDescriptions(codingCase));
  const [errors, setErrors] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'draft' | 'complete' | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const readOnly = codingCase.status === 'CODED';

  useEffect(() => {
    if (message || errors.length > 0) summaryRef.current?.querySelector<HTMLElement>('[data-testid="form-errors"]')?.focus();
  }, [message, errors]);

  const lookUp = async (system: 'ICD10CM' | 'CPT' | 'HCPCS', raw: string) => {
    const code = raw.trim().toUpperCase();
    if (code === '' || code in descriptions) return;
    const description = await describeCode(system, code);
    setDescriptions((known) => ({ ...known, [code]: description }));
  };

  const updateDiagnosis = (index: number, code: string) =>
    setRows((r) => ({ ...r, diagnoses: r.diagnoses.map((row, i) => (i === index ? { ...row, code } : row)) }));

  const removeDiagnosis = (index: number) =>
    setRows((r) => ({
      diagnoses: r.diagnoses.filter((_, i) => i !== index),
      procedures: r.procedures.map((p) => ({ ...p, pointers: shiftPointers(p.pointers, index) })),
    }));

  const updateProcedure = (index: number, change: Partial<ProcedureRow>) =>
    setRows((r) => ({ ...r, procedures: r.procedures.map((row, i) => (i === index ? { ...row, ...change } : row)) }));

  const submit = async (kind: 'draft' | 'complete') => {
    setMessage(null);
    setNotice(null);
    const conversion = toCodes(rows);
    if (conversion.errors.length > 0) {
      setErrors(conversion.errors);
      return;
    }
    setErrors([]);
    setBusy(kind);
    try {
      if (kind === 'draft') {
        await saveDraft(codingCase.id, conversion.codes);
        setNotice(`Draft saved at ${new Date().toLocaleTimeString()}`);
        setBusy(null);
      } else {
        await completeCoding(codingCase.id, conversion.codes);
        onDone();
      }
    } catch (err) {
      setBusy(null);
      if (err instanceof ApiError && err.problem.errors && err.problem.errors.length > 0) {
        setErrors(err.problem.errors.map((e) => ({ ...e, field: toScreenField(e.field, conversion) })));
        setMessage(err.problem.detail ?? err.problem.title ?? 'The codes need correcting.');
      } else {
        setMessage(errorMessage(err));
      }
    }
  };

  const onSubmit = (event: FormEvent) => {
    // Enter in a field saves a draft; completing is always a deliberate click.
    event.preventDefault();
    void submit('draft');
  };

  const pxSystem = (code: string) => (/^[A-Z]/i.test(code.trim()) ? 'HCPCS' : 'CPT');

  return (
    <div className="coding">
      <section className="coding__chart" aria-labelledby="chart-heading">
        <h2 id="chart-heading">Encounter {codingCase.encounterNumber}</h2>
        <dl className="facts">
          <dt>Patient</dt>
          <dd>{codingCase.patientName}</dd>
          <dt>Born</dt>
          <dd>
            {formatDate(codingCase.patientBirthDate)}
            {codingCase.patientSex ? ` · ${codingCase.patientSex}` : ''}
          </dd>
          <dt>Date of service</dt>
          <dd>{formatDate(codingCase.dateOfService)}</dd>
          <dt>Payer</dt>
          <dd>{codingCase.payerName}</dd>
          <dt>Status</dt>
          <dd>{codingCase.status === 'CODED' ? 'Coded' : 'Open'}</dd>
        </dl>
        <h3 id="documentation-heading">Documentation</h3>
        <pre className="documentation" tabIndex={0} aria-labelledby="documentation-heading" data-testid="documentation">
          {codingCase.documentation}
        </pre>
      </section>

      <form className="coding__codes" onSubmit={onSubmit} aria-labelledby="codes-heading" noValidate>
        <h2 id="codes-heading">Codes</h2>
        <div ref={summaryRef}>
          <FormErrors message={message} errors={errors} describeField={describeField} />
        </div>
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}

        <fieldset disabled={readOnly || busy !== null}>
          <legend>Diagnoses (ICD-10-CM)</legend>
          <table className="grid grid--form">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Code</th>
                <th scope="col">Description</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.diagnoses.map((row, index) => {
                const field = `diagnoses[${index}].code`;
                const messages = fieldMessages(errors, field);
                const errorId = `dx-code-${index}-error`;
                return (
                  <tr key={row.key}>
                    <td className="num">{index + 1}</td>
                    <td>
                      <input
                        className="code-input"
                        data-testid={`dx-code-${index}`}
                        aria-label={`Diagnosis ${index + 1} code`}
                        aria-invalid={messages.length > 0 || undefined}
                        aria-describedby={messages.length > 0 ? errorId : undefined}
                        value={row.code}
                        autoComplete="off"
                        spellCheck={false}
                        onChange={(e) => updateDiagnosis(index, e.target.value)}
                        onBlur={(e) => void lookUp('ICD10CM', e.target.value)}
                      />
                      <FieldMessages id={errorId} messages={messages} />
                    </td>
                    <td className="description">{descriptions[row.code.trim().toUpperCase()] ?? ''}</td>
                    <td>
                      <button
                        type="button"
                        className="icon"
                        aria-label={`Remove diagnosis ${index + 1}`}
                        onClick={() => removeDiagnosis(index)}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <FieldMessages id="diagnoses-error" messages={fieldMessages(errors, 'diagnoses')} />
          <button
            type="button"
            className="secondary"
            data-testid="add-diagnosis"
            onClick={() => setRows((r) => ({ ...r, diagnoses: [...r.diagnoses, newDiagnosisRow()] }))}
          >
            Add diagnosis
          </button>
        </fieldset>

        <fieldset disabled={readOnly || busy !== null}>
          <legend>Procedures (CPT / HCPCS)</legend>
          <table className="grid grid--form">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Code</th>
                <th scope="col">Modifiers</th>
                <th scope="col">Units</th>
                <th scope="col">Dx pointers</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.procedures.map((row, index) => {
                const cell = (part: 'code' | 'modifiers' | 'units' | 'pointers', label: string, className: string) => {
                  const apiPart = part === 'pointers' ? 'diagnosisPointers' : part;
                  const messages = fieldMessages(errors, `procedures[${index}].${apiPart}`);
                  const errorId = `px-${part}-${index}-error`;
                  return (
                    <td>
                      <input
                        className={className}
                        data-testid={`px-${part}-${index}`}
                        aria-label={`Procedure ${index + 1} ${label}`}
                        aria-invalid={messages.length > 0 || undefined}
                        aria-describedby={messages.length > 0 ? errorId : undefined}
                        inputMode={part === 'units' ? 'numeric' : undefined}
                        placeholder={part === 'pointers' ? 'e.g. 1,2' : undefined}
                        value={row[part]}
                        autoComplete="off"
                        spellCheck={false}
                        onChange={(e) => updateProcedure(index, { [part]: e.target.value })}
                        onBlur={part === 'code' ? (e) => void lookUp(pxSystem(e.target.value), e.target.value) : undefined}
                      />
                      {part === 'code' && descriptions[row.code.trim().toUpperCase()] && (
                        <div className="description">{descriptions[row.code.trim().toUpperCase()]}</div>
                      )}
                      <FieldMessages id={errorId} messages={messages} />
                    </td>
                  );
                };
                return (
                  <tr key={row.key}>
                    <td className="num">{index + 1}</td>
                    {cell('code', 'code', 'code-input')}
                    {cell('modifiers', 'modifiers', 'modifiers-input')}
                    {cell('units', 'units', 'units-input')}
                    {cell('pointers', 'diagnosis pointers', 'pointers-input')}
                    <td>
                      <button
                        type="button"
                        className="icon"
                        aria-label={`Remove procedure ${index + 1}`}
                        onClick={() =>
                          setRows((r) => ({ ...r, procedures: r.procedures.filter((_, i) => i !== index) }))
                        }
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <FieldMessages id="procedures-error" messages={fieldMessages(errors, 'procedures')} />
          <button
            type="button"
            className="secondary"
            data-testid="add-procedure"
            onClick={() => setRows((r) => ({ ...r, procedures: [...r.procedures, newProcedureRow()] }))}
          >
            Add procedure
          </button>
        </fieldset>

        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="secondary" data-testid="save-draft" disabled={busy !== null}>
              {busy === 'draft' ? 'Saving…' : 'Save draft'}
            </button>
            <button
              type="button"
              data-testid="complete-coding"
              disabled={busy !== null}
              onClick={() => void submit('complete')}
            >
              {busy === 'complete' ? 'Completing…' : 'Complete coding'}
            </button>
          </div>
        )}
      </form>
    </div>
  );
}

import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, errorMessage, type FieldProblem } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { FieldMessages, FormErrors, fieldMessages } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { completeCoding } from '@/features/coding/api/complete-coding';
import { useCodingCase } from '@/features/coding/api/get-coding-case';
import { queryPhysician } from '@/features/coding/api/query-physician';
import { saveDraft } from '@/features/coding/api/save-draft';
import { describeCode } from '@/features/coding/api/search-codes';
import type { CodeEntry, CodeSystem, CodingCase, NewPhysicianQuery } from '@/features/coding/api/types';
import { CodePicker } from '@/features/coding/components/code-picker';
import {
  codeKey,
  describeField,
  fieldTestId,
  moveDiagnosis,
  newDiagnosisRow,
  newProcedureRow,
  procedureSystem,
  rowsFromCodes,
  shiftPointers,
  toCodes,
  toScreenField,
  type FormRows,
  type ProcedureRow,
} from '@/features/coding/components/coding-form-model';
import { QueryPhysicianForm } from '@/features/coding/components/query-physician-form';

interface CodingFormProps {
  caseId: number;
  /** Called after "Complete coding" succeeded, or the physician was queried. */
  onDone: () => void;
}

/** The shortcuts, shown on the form and announced on the controls they trigger (aria-keyshortcuts). */
export const SHORTCUTS = [
  { keys: 'Type, ↓ ↑, Enter', does: 'search codes, move through the suggestions, add the code' },
  { keys: 'Enter on an empty diagnosis', does: 'go to the procedure lines' },
  { keys: 'Alt+D', does: 'add a diagnosis' },
  { keys: 'Alt+L', does: 'add a procedure line' },
  { keys: 'Alt+P', does: 'make this diagnosis the principal one' },
  { keys: 'Alt+↑ / Alt+↓', does: 'move this diagnosis up or down' },
  { keys: 'Ctrl+S', does: 'save the draft' },
  { keys: 'Ctrl+Enter', does: 'complete coding' },
  { keys: 'Alt+Q', does: 'query the physician' },
] as const;

export function CodingForm({ caseId, onDone }: CodingFormProps) {
  return (
    <Loaded query={useCodingCase(caseId)} what="coding case" retry>
      {(codingCase) => <CodingEditor codingCase={codingCase} onDone={onDone} />}
    </Loaded>
  );
}

/** What the form knows about a code: its entry, or null when the code set does not have it. */
type Known = Record<string, CodeEntry | null>;

function initialKnown(codingCase: CodingCase): Known {
  const known: Known = {};
  for (const codes of [codingCase.finalCodes, codingCase.draft]) {
    for (const d of codes?.diagnoses ?? []) {
      if (d.description) known[codeKey(d.code)] = { system: 'ICD10CM', code: d.code, description: d.description, billable: true };
    }
  }
  return known;
}

/** `dx-code-3` → 3, for shortcuts that act on the diagnosis row the coder is in. */
function diagnosisIndexOf(target: EventTarget | null): number | null {
  const id = target instanceof HTMLElement ? target.dataset.testid : undefined;
  const match = /^dx-code-(\d+)$/.exec(id ?? '');
  return match ? Number(match[1]) : null;
}

function isKey(event: KeyboardEvent, letter: string): boolean {
  return event.code === `Key${letter.toUpperCase()}` || event.key.toLowerCase() === letter.toLowerCase();
}

function CodingEditor({ codingCase, onDone }: { codingCase: CodingCase; onDone: () => void }) {
  const [rows, setRows] = useState<FormRows>(() => rowsFromCodes(codingCase.draft ?? codingCase.finalCodes));
  const [known, setKnown] = useState<Known>(() => initialKnown(codingCase));
  const [errors, setErrors] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'draft' | 'complete' | 'query' | null>(null);
  const [querying, setQuerying] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  /** The input to focus once the rows it names are on screen (seq lets the same input be asked for again). */
  const [focusRequest, setFocusRequest] = useState<{ testId: string; seq: number } | null>(null);
  const readOnly = codingCase.status === 'CODED';

  const focusSoon = (testId: string) => setFocusRequest((f) => ({ testId, seq: (f?.seq ?? 0) + 1 }));

  useLayoutEffect(() => {
    if (focusRequest === null) return;
    rootRef.current?.querySelector<HTMLElement>(`[data-testid="${focusRequest.testId}"]`)?.focus();
  }, [focusRequest]);

  useLayoutEffect(() => {
    // Ready to type as soon as the form shows: the first empty diagnosis, or the first diagnosis.
    if (readOnly) return;
    const blank = rows.diagnoses.findIndex((d) => d.code.trim() === '');
    rootRef.current?.querySelector<HTMLElement>(`[data-testid="dx-code-${blank >= 0 ? blank : 0}"]`)?.focus();
  }, []);

  useEffect(() => {
    if (message || errors.length > 0) summaryRef.current?.querySelector<HTMLElement>('[data-testid="form-errors"]')?.focus();
  }, [message, errors]);

  const change = (update: (r: FormRows) => FormRows) => {
    setDirty(true);
    setNotice(null);
    setRows(update);
  };

  const remember = (entry: CodeEntry) => setKnown((k) => ({ ...k, [codeKey(entry.code)]: entry }));

  const lookUp = async (system: CodeSystem, raw: string) => {
    const key = codeKey(raw);
    if (key === '' || key in known) return;
    const entry = await describeCode(system, raw, codingCase.dateOfService);
    setKnown((k) => ({ ...k, [key]: entry }));
  };

  const updateDiagnosis = (index: number, code: string) =>
    change((r) => ({ ...r, diagnoses: r.diagnoses.map((row, i) => (i === index ? { ...row, code } : row)) }));

  const removeDiagnosis = (index: number) =>
    change((r) => ({
      diagnoses: r.diagnoses.filter((_, i) => i !== index),
      procedures: r.procedures.map((p) => ({ ...p, pointers: shiftPointers(p.pointers, index) })),
    }));

  /** The shortcut goes to a blank last row rather than piling up blank rows; the button always adds one. */
  const addDiagnosis = (reuseBlank: boolean) => {
    const last = rows.diagnoses.length - 1;
    if (reuseBlank && last >= 0 && rows.diagnoses[last].code.trim() === '') {
      focusSoon(`dx-code-${last}`);
      return;
    }
    focusSoon(`dx-code-${rows.diagnoses.length}`);
    change((r) => ({ ...r, diagnoses: [...r.diagnoses, newDiagnosisRow()] }));
  };

  const addProcedure = (reuseBlank: boolean) => {
    const blank = rows.procedures.findIndex((p) => p.code.trim() === '');
    if (reuseBlank && blank >= 0) {
      focusSoon(`px-code-${blank}`);
      return;
    }
    focusSoon(`px-code-${rows.procedures.length}`);
    change((r) => ({ ...r, procedures: [...r.procedures, newProcedureRow()] }));
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= rows.diagnoses.length || from === to) return;
    focusSoon(`dx-code-${to}`);
    change((r) => moveDiagnosis(r, from, to));
    // Field errors are numbered by row; after a move they would point at the wrong row.
    setErrors([]);
  };

  const diagnosisEnter = (index: number) => {
    if (rows.diagnoses[index].code.trim() === '') {
      addProcedure(true);
      return;
    }
    if (index === rows.diagnoses.length - 1) addDiagnosis(true);
    else focusSoon(`dx-code-${index + 1}`);
  };

  const updateProcedure = (index: number, update: Partial<ProcedureRow>) =>
    change((r) => ({ ...r, procedures: r.procedures.map((row, i) => (i === index ? { ...row, ...update } : row)) }));

  const submit = async (kind: 'draft' | 'complete') => {
    if (busy !== null || readOnly) return;
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
        setDirty(false);
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

  const sendQuery = async (query: NewPhysicianQuery) => {
    setMessage(null);
    const conversion = toCodes(rows);
    if (conversion.errors.length > 0) {
      setErrors(conversion.errors);
      setMessage('Correct or clear the marked fields first: the draft is saved before the physician is queried.');
      return;
    }
    setBusy('query');
    try {
      await saveDraft(codingCase.id, conversion.codes);
      await queryPhysician(codingCase.id, query);
      onDone();
    } catch (err) {
      setBusy(null);
      setMessage(`The query was not sent: ${errorMessage(err)}`);
      if (err instanceof ApiError && err.problem.errors) setErrors(err.problem.errors);
    }
  };

  const onShortcut = (event: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly || busy !== null) return;
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && !event.altKey && event.key === 'Enter') {
      event.preventDefault();
      void submit('complete');
    } else if (ctrl && !event.altKey && isKey(event, 's')) {
      event.preventDefault();
      void submit('draft');
    } else if (event.altKey && !ctrl) {
      const dx = diagnosisIndexOf(event.target);
      if (isKey(event, 'd')) addDiagnosis(true);
      else if (isKey(event, 'l')) addProcedure(true);
      else if (isKey(event, 'q')) setQuerying(true);
      else if (isKey(event, 'p') && dx !== null) move(dx, 0);
      else if (event.key === 'ArrowUp' && dx !== null) move(dx, dx - 1);
      else if (event.key === 'ArrowDown' && dx !== null) move(dx, dx + 1);
      else return;
      event.preventDefault();
    }
  };

  const onSubmit = (event: FormEvent) => {
    // Enter in a modifier, units or pointer field saves a draft; completing is Ctrl+Enter or the button.
    event.preventDefault();
    void submit('draft');
  };

  const goToField = (field: string) => {
    const id = fieldTestId(field);
    if (id) rootRef.current?.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.focus();
  };

  const disabled = readOnly || busy !== null;

  return (
    <div className="coding" ref={rootRef} onKeyDown={onShortcut}>
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

      <div className="coding__work">
        <form className="coding__codes" onSubmit={onSubmit} aria-labelledby="codes-heading" noValidate>
          <h2 id="codes-heading">Codes</h2>
          <div ref={summaryRef}>
            <FormErrors message={message} errors={errors} describeField={describeField} onSelectField={goToField} />
          </div>
          {notice && (
            <p role="status" className="notice">
              {notice}
            </p>
          )}

          <fieldset disabled={disabled}>
            <legend>Diagnoses (ICD-10-CM) — the first is the principal diagnosis</legend>
            <table className="grid grid--form">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Code</th>
                  <th scope="col">Description</th>
                  <th scope="col">
                    <span className="visually-hidden">Order and remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.diagnoses.map((row, index) => {
                  const field = `diagnoses[${index}].code`;
                  const messages = fieldMessages(errors, field);
                  const errorId = `dx-code-${index}-error`;
                  const entry = known[codeKey(row.code)];
                  const header = entry != null && (entry.header === true || !entry.billable);
                  return (
                    <tr key={row.key} data-testid={`dx-row-${index}`}>
                      <td className="num">
                        {index + 1}
                        {index === 0 && <span className="badge" title="Principal diagnosis">P</span>}
                      </td>
                      <td>
                        <CodePicker
                          testId={`dx-code-${index}`}
                          label={`Diagnosis ${index + 1} code`}
                          value={row.code}
                          onChange={(text) => updateDiagnosis(index, text)}
                          systemFor={() => 'ICD10CM'}
                          dateOfService={codingCase.dateOfService}
                          onPick={remember}
                          onEnter={() => diagnosisEnter(index)}
                          onBlur={(text) => void lookUp('ICD10CM', text)}
                          invalid={messages.length > 0}
                          describedBy={messages.length > 0 ? errorId : undefined}
                        />
                        <FieldMessages id={errorId} messages={messages} />
                      </td>
                      <td className="description">
                        {entry?.description ?? ''}
                        {header && (
                          <div className="warning" data-testid={`dx-header-${index}`}>
                            Category header, not billable: press ↓ in the code for a more specific code.
                          </div>
                        )}
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="icon"
                          aria-label={`Move diagnosis ${index + 1} up`}
                          aria-keyshortcuts="Alt+ArrowUp"
                          disabled={index === 0}
                          onClick={() => move(index, index - 1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="icon"
                          aria-label={`Move diagnosis ${index + 1} down`}
                          aria-keyshortcuts="Alt+ArrowDown"
                          disabled={index === rows.diagnoses.length - 1}
                          onClick={() => move(index, index + 1)}
                        >
                          ↓
                        </button>
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
            <button type="button" className="secondary" data-testid="add-diagnosis" aria-keyshortcuts="Alt+D" onClick={() => addDiagnosis(false)}>
              Add diagnosis
            </button>
          </fieldset>

          <fieldset disabled={disabled}>
            <legend>Procedures (CPT / HCPCS)</legend>
            <table className="grid grid--form">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Code</th>
                  <th scope="col">Modifiers (up to 4)</th>
                  <th scope="col">Units</th>
                  <th scope="col">Dx pointers</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.procedures.map((row, index) => {
                  const messagesFor = (part: string) => fieldMessages(errors, `procedures[${index}].${part}`);
                  const cell = (part: 'modifiers' | 'units' | 'pointers', label: string, className: string) => {
                    const apiPart = part === 'pointers' ? 'diagnosisPointers' : part;
                    const messages = messagesFor(apiPart);
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
                          placeholder={part === 'pointers' ? 'e.g. 1,2' : part === 'modifiers' ? 'e.g. 25, RT' : undefined}
                          value={row[part]}
                          autoComplete="off"
                          spellCheck={false}
                          onChange={(e) => updateProcedure(index, { [part]: e.target.value })}
                        />
                        <FieldMessages id={errorId} messages={messages} />
                      </td>
                    );
                  };
                  const codeMessages = messagesFor('code');
                  const codeErrorId = `px-code-${index}-error`;
                  const entry = known[codeKey(row.code)];
                  return (
                    <tr key={row.key} data-testid={`px-row-${index}`}>
                      <td className="num">{index + 1}</td>
                      <td>
                        <CodePicker
                          testId={`px-code-${index}`}
                          label={`Procedure ${index + 1} code`}
                          value={row.code}
                          onChange={(text) => updateProcedure(index, { code: text })}
                          systemFor={procedureSystem}
                          dateOfService={codingCase.dateOfService}
                          onPick={remember}
                          onEnter={() => {
                            if (row.code.trim() !== '') focusSoon(`px-modifiers-${index}`);
                          }}
                          onBlur={(text) => void lookUp(procedureSystem(text), text)}
                          invalid={codeMessages.length > 0}
                          describedBy={codeMessages.length > 0 ? codeErrorId : undefined}
                        />
                        {entry?.description && <div className="description">{entry.description}</div>}
                        <FieldMessages id={codeErrorId} messages={codeMessages} />
                      </td>
                      {cell('modifiers', 'modifiers', 'modifiers-input')}
                      {cell('units', 'units', 'units-input')}
                      {cell('pointers', 'diagnosis pointers', 'pointers-input')}
                      <td>
                        <button
                          type="button"
                          className="icon"
                          aria-label={`Remove procedure ${index + 1}`}
                          onClick={() => change((r) => ({ ...r, procedures: r.procedures.filter((_, i) => i !== index) }))}
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
            <button type="button" className="secondary" data-testid="add-procedure" aria-keyshortcuts="Alt+L" onClick={() => addProcedure(false)}>
              Add procedure
            </button>
          </fieldset>

          {!readOnly && (
            <div className="form-actions">
              {dirty && !notice && <span className="muted unsaved">Unsaved changes</span>}
              <button
                type="button"
                className="secondary"
                data-testid="query-physician"
                aria-keyshortcuts="Alt+Q"
                disabled={busy !== null || querying}
                onClick={() => setQuerying(true)}
              >
                Query physician
              </button>
              <button type="submit" className="secondary" data-testid="save-draft" aria-keyshortcuts="Control+S" disabled={busy !== null}>
                {busy === 'draft' ? 'Saving…' : 'Save draft'}
              </button>
              <button
                type="button"
                data-testid="complete-coding"
                aria-keyshortcuts="Control+Enter"
                disabled={busy !== null}
                onClick={() => void submit('complete')}
              >
                {busy === 'complete' ? 'Completing…' : 'Complete coding'}
              </button>
            </div>
          )}
        </form>

        {querying && !readOnly && (
          <QueryPhysicianForm busy={busy === 'query'} onSend={(q) => void sendQuery(q)} onCancel={() => setQuerying(false)} />
        )}

        {!readOnly && (
          <details className="shortcuts" data-testid="shortcuts">
            <summary>Keyboard shortcuts</summary>
            <dl>
              {SHORTCUTS.map((s) => (
                <div key={s.keys}>
                  <dt>
                    <kbd>{s.keys}</kbd>
                  </dt>
                  <dd>{s.does}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </div>
    </div>
  );
}

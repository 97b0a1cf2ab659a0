import { useRef, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type { FieldProblem } from '@/lib/api-client';
import { formatCents, splitList } from '@/lib/format';
import { FieldMessages, fieldMessages, FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { useDenial } from '@/features/denials/api/get-denial';
import { recodeDenial } from '@/features/denials/api/recode-denial';
import type { Denial, DeniedLine, LineCorrection, Recode } from '@/features/denials/api/types';
import { DenialDiagnoses, DenialSummary } from '@/features/denials/components/denial-summary';

export function RecodeDenialForm({ denialId, onDone }: { denialId: number; onDone: () => void }) {
  return (
    <Loaded query={useDenial(denialId)} what="denial">
      {(denial) => <RecodeEditor denial={denial} onDone={onDone} />}
    </Loaded>
  );
}

interface LineDraft {
  code: string;
  modifiers: string;
  units: string;
  pointers: string;
}

type DraftField = keyof LineDraft;

/** API field name of each draft field, as in `lineCorrections[0].procedureCode`. */
const API_FIELDS: Record<DraftField, string> = {
  code: 'procedureCode',
  modifiers: 'modifiers',
  units: 'units',
  pointers: 'diagnosisPointers',
};

const FIELD_NAMES: Record<string, string> = {
  procedureCode: 'procedure code',
  modifiers: 'modifiers',
  units: 'units',
  diagnosisPointers: 'diagnosis pointers',
};

const TEST_IDS: Record<DraftField, string> = {
  code: 'recode-code',
  modifiers: 'recode-modifiers',
  units: 'recode-units',
  pointers: 'recode-pointers',
};

const draftOf = (line: DeniedLine): LineDraft => ({
  code: line.procedureCode,
  modifiers: line.modifiers.join(', '),
  units: String(line.units),
  pointers: line.diagnosisPointers.join(', '),
});

const sameList = (a: (string | number)[], b: (string | number)[]) => a.join(',') === b.join(',');

/** The line as it should have been, or null when the coder left it as billed. Only what changed besides modifiers. */
function correctionOf(line: DeniedLine, draft: LineDraft): LineCorrection | null {
  const code = draft.code.trim().toUpperCase();
  const modifiers = splitList(draft.modifiers);
  const pointers = splitList(draft.pointers).map(Number);
  const units = Number(draft.units);
  const codeChanged = code !== line.procedureCode.toUpperCase();
  const pointersChanged = !sameList(pointers, line.diagnosisPointers);
  const unitsChanged = units !== line.units;
  const modifiersChanged = !sameList(modifiers, line.modifiers.map((m) => m.toUpperCase()));
  if (!codeChanged && !pointersChanged && !unitsChanged && !modifiersChanged) return null;
  // The server replaces the modifiers always, the code, pointers and units only when given (a new code is repriced).
  const correction: LineCorrection = { lineNumber: line.lineNumber, modifiers };
  if (codeChanged) correction.procedureCode = code;
  if (pointersChanged) correction.diagnosisPointers = pointers;
  if (unitsChanged) correction.units = units;
  return correction;
}

/** What can be checked before asking the server; it checks the code exists and is priced. Fields named as the API does. */
function checkLocally(corrections: LineCorrection[], diagnosisCount: number): FieldProblem[] {
  return corrections.flatMap((c, i) => {
    const problems: FieldProblem[] = [];
    const at = `lineCorrections[${i}]`;
    if (c.procedureCode !== undefined && !/^[A-Z0-9]{5}$/.test(c.procedureCode)) {
      problems.push({ field: `${at}.procedureCode`, severity: 'ERROR', message: 'Enter a 5-character CPT or HCPCS code.' });
    }
    if (c.units !== undefined && (!Number.isInteger(c.units) || c.units < 1 || c.units > 999)) {
      problems.push({ field: `${at}.units`, severity: 'ERROR', message: 'Units are a whole number from 1 to 999.' });
    }
    if (
      c.diagnosisPointers !== undefined &&
      (c.diagnosisPointers.length < 1 ||
        c.diagnosisPointers.length > 4 ||
        c.diagnosisPointers.some((p) => !Number.isInteger(p) || p < 1 || (diagnosisCount > 0 && p > diagnosisCount)))
    ) {
      problems.push({
        field: `${at}.diagnosisPointers`,
        severity: 'ERROR',
        message: `Give 1 to 4 pointers, each the number of a diagnosis in the list (1 to ${Math.max(1, diagnosisCount)}).`,
      });
    }
    return problems;
  });
}

/** A coder corrects the lines the payer denied for a coding reason; the claim is repriced, scrubbed and sent again. */
function RecodeEditor({ denial, onDone }: { denial: Denial; onDone: () => void }) {
  const [lines, setLines] = useState<Record<number, LineDraft>>(() =>
    Object.fromEntries(denial.lines.map((line) => [line.lineNumber, draftOf(line)])),
  );
  const [note, setNote] = useState('');
  const { busy, message, errors, fail, send } = useSubmission();
  // Line numbers in the order they were last sent: errors name lineCorrections[i], the person thinks in lines.
  const [sentLines, setSentLines] = useState<number[]>([]);
  const formRef = useRef<HTMLFormElement>(null);

  const parseField = (field: string) => {
    const match = /^lineCorrections\[(\d+)\]\.(\w+)/.exec(field);
    if (!match) return null;
    const lineNumber = sentLines[Number(match[1])];
    return lineNumber === undefined ? null : { lineNumber, name: match[2] };
  };

  const describeField = (field: string) => {
    const parsed = parseField(field);
    return parsed ? `Line ${parsed.lineNumber} ${FIELD_NAMES[parsed.name] ?? parsed.name}` : field;
  };

  const selectField = (field: string) => {
    const parsed = parseField(field);
    const draftField = (Object.keys(API_FIELDS) as DraftField[]).find((f) => API_FIELDS[f] === parsed?.name);
    if (!parsed || !draftField) return;
    formRef.current?.querySelector<HTMLInputElement>(`[data-testid="${TEST_IDS[draftField]}-${parsed.lineNumber}"]`)?.focus();
  };

  const messagesFor = (lineNumber: number, field: DraftField) => {
    const index = sentLines.indexOf(lineNumber);
    return index < 0 ? [] : fieldMessages(errors, `lineCorrections[${index}].${API_FIELDS[field]}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changed = denial.lines.flatMap((line) => {
      const correction = correctionOf(line, lines[line.lineNumber]);
      return correction ? [correction] : [];
    });
    if (changed.length === 0) {
      setSentLines([]);
      fail('Nothing to send: change the procedure code, modifiers, units or diagnosis pointers of at least one line.');
      return;
    }
    setSentLines(changed.map((c) => c.lineNumber));
    const problems = checkLocally(changed, denial.diagnoses.length);
    if (problems.length > 0) {
      fail('Correct the lines below before sending.', problems);
      return;
    }
    const recode: Recode = { lineCorrections: changed };
    if (note.trim()) recode.note = note.trim();
    await send(() => recodeDenial(denial.id, recode), onDone);
  };

  const edit = (lineNumber: number, field: DraftField, value: string) =>
    setLines((all) => ({ ...all, [lineNumber]: { ...all[lineNumber], [field]: value } }));

  const input = (line: DeniedLine, field: DraftField, label: string, className: string, extra: InputHTMLAttributes<HTMLInputElement> = {}) => {
    const messages = messagesFor(line.lineNumber, field);
    const errorId = `recode-${field}-${line.lineNumber}-error`;
    return (
      <>
        <input
          className={className}
          aria-label={`${label} for line ${line.lineNumber}`}
          data-testid={`${TEST_IDS[field]}-${line.lineNumber}`}
          value={lines[line.lineNumber][field]}
          disabled={busy}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={messages.length > 0 ? errorId : undefined}
          onChange={(e) => edit(line.lineNumber, field, e.target.value)}
          {...extra}
        />
        <FieldMessages id={errorId} messages={messages} />
      </>
    );
  };

  return (
    <form ref={formRef} className="denial-form" aria-labelledby="recode-heading" onSubmit={submit} noValidate>
      <h2 id="recode-heading">Recode denied claim {denial.claimNumber}</h2>
      <FormErrors message={message} errors={errors} describeField={describeField} onSelectField={selectField} />
      <DenialSummary denial={denial} />
      <DenialDiagnoses denial={denial} />

      <h3>Claim lines</h3>
      <p className="hint">Change only what was coded wrong. A new procedure code is priced again; the claim is then scrubbed and resubmitted.</p>
      <table className="grid grid--form">
        <caption className="visually-hidden">Claim lines to recode</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">As billed</th>
            <th scope="col">Procedure</th>
            <th scope="col">Modifiers</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col">Dx pointers</th>
            <th scope="col" className="num">
              Charge
            </th>
          </tr>
        </thead>
        <tbody>
          {denial.lines.map((line) => (
            <tr key={line.lineNumber}>
              <td className="num">{line.lineNumber}</td>
              <td className="mono">
                {line.procedureCode}
                {line.modifiers.length > 0 && `-${line.modifiers.join('-')}`}
              </td>
              <td>{input(line, 'code', 'Procedure code', 'code-input', { maxLength: 5, autoComplete: 'off', spellCheck: false })}</td>
              <td>{input(line, 'modifiers', 'Modifiers', 'modifiers-input', { autoComplete: 'off', spellCheck: false })}</td>
              <td className="num">
                {input(line, 'units', 'Units', 'units-input', { type: 'number', min: 1, max: 999 })}
              </td>
              <td>{input(line, 'pointers', 'Diagnosis pointers', 'pointers-input', { autoComplete: 'off' })}</td>
              <td className="num">{formatCents(line.chargeCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <NoteField testId="recode-note" value={note} disabled={busy} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" data-testid="recode-denial" disabled={busy}>
          {busy ? 'Saving…' : 'Recode and resubmit'}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { ChoiceFieldset, type Choice } from '@/lib/choice-fieldset';
import { formatCents, splitList } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { useDenial } from '@/features/denials/api/get-denial';
import { resolveDenial } from '@/features/denials/api/resolve-denial';
import type { Denial, DenialAction, DenialResolution } from '@/features/denials/api/types';
import { DenialSummary } from '@/features/denials/components/denial-summary';

const ACTIONS: Choice<DenialAction>[] = [
  { value: 'RESUBMIT', label: 'Correct and resubmit', hint: 'Change the modifiers below; the claim is scrubbed and sent again.' },
  { value: 'APPEAL', label: 'Appeal', hint: 'The claim goes to the appeal queue, where the argument is written and the letter sent before the deadline.' },
  { value: 'WRITE_OFF', label: 'Write off', hint: 'The claim is closed as written off; say why in the note.' },
];

export function DenialForm({ denialId, onDone }: { denialId: number; onDone: () => void }) {
  return (
    <Loaded query={useDenial(denialId)} what="denial">
      {(denial) => <DenialEditor denial={denial} onDone={onDone} />}
    </Loaded>
  );
}

function DenialEditor({ denial, onDone }: { denial: Denial; onDone: () => void }) {
  const [action, setAction] = useState<DenialAction | null>(null);
  const [note, setNote] = useState('');
  const [modifiers, setModifiers] = useState<Record<number, string>>(() =>
    Object.fromEntries(denial.lines.map((line) => [line.lineNumber, line.modifiers.join(', ')])),
  );
  const { busy, message, errors, fail, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) {
      fail('Choose "Correct and resubmit", "Appeal" or "Write off".');
      return;
    }
    const resolution: DenialResolution = { action };
    if (note.trim()) resolution.note = note.trim();
    if (action === 'RESUBMIT') {
      // Only lines whose modifiers the biller changed count as corrections.
      resolution.lineCorrections = denial.lines
        .map((line) => ({ lineNumber: line.lineNumber, modifiers: splitList(modifiers[line.lineNumber] ?? '') }))
        .filter((c, i) => c.modifiers.join(',') !== denial.lines[i].modifiers.map((m) => m.toUpperCase()).join(','));
    }
    await send(() => resolveDenial(denial.id, resolution), onDone);
  };

  return (
    <form className="denial-form" aria-labelledby="denial-heading" onSubmit={submit}>
      <h2 id="denial-heading">Denial on claim {denial.claimNumber}</h2>
      <FormErrors message={message} errors={errors} />
      <DenialSummary denial={denial} />

      <ChoiceFieldset
        legend="Resolution"
        name="action"
        choices={ACTIONS}
        value={action}
        onChange={setAction}
        disabled={busy}
        hintTestId="resolution-hint"
      />

      <h3>Claim lines</h3>
      <table className="grid">
        <caption className="visually-hidden">Claim lines</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Procedure</th>
            <th scope="col">Modifiers</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col" className="num">
              Charge
            </th>
          </tr>
        </thead>
        <tbody>
          {denial.lines.map((line) => (
            <tr key={line.lineNumber}>
              <td className="num">{line.lineNumber}</td>
              <td className="mono">{line.procedureCode}</td>
              <td>
                {action === 'RESUBMIT' ? (
                  <input
                    className="modifiers-input"
                    aria-label={`Modifiers for line ${line.lineNumber}`}
                    data-testid={`line-modifiers-${line.lineNumber}`}
                    value={modifiers[line.lineNumber] ?? ''}
                    disabled={busy}
                    onChange={(e) => setModifiers((m) => ({ ...m, [line.lineNumber]: e.target.value }))}
                  />
                ) : (
                  <span className="mono">{line.modifiers.join(', ')}</span>
                )}
              </td>
              <td className="num">{line.units}</td>
              <td className="num">{formatCents(line.chargeCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <NoteField testId="denial-note" value={note} disabled={busy} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" data-testid="resolve-denial" disabled={busy || action === null}>
          {busy ? 'Saving…' : 'Resolve denial'}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { EncounterChart } from '@/lib/encounter-chart';
import { formatCents, formatDate } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { useSubmission } from '@/lib/use-submission';
import { completeAudit } from '@/features/audits/api/complete-audit';
import { useAudit } from '@/features/audits/api/get-audit';
import type { AuditFinding, CodingAudit } from '@/features/audits/api/types';

export function AuditForm({ auditId, onDone }: { auditId: number; onDone: () => void }) {
  return (
    <Loaded query={useAudit(auditId)} what="audit" retry>
      {(audit) => <AuditEditor audit={audit} onDone={onDone} />}
    </Loaded>
  );
}

type Kind = 'dx' | 'px';

interface Mark {
  correct: boolean | null;
  correctedCode: string;
}

const unmarked = (): Mark => ({ correct: null, correctedCode: '' });

function AuditEditor({ audit, onDone }: { audit: CodingAudit; onDone: () => void }) {
  const [marks, setMarks] = useState<Record<string, Mark>>(() => {
    // An audit reopened after a failed save shows the marks already recorded.
    const recorded: Record<string, Mark> = {};
    for (const d of audit.diagnoses) if (d.correct != null) recorded[`dx-${d.position}`] = { correct: d.correct, correctedCode: d.correctedCode ?? '' };
    for (const p of audit.procedures) if (p.correct != null) recorded[`px-${p.position}`] = { correct: p.correct, correctedCode: p.correctedCode ?? '' };
    return recorded;
  });
  const { busy, message, errors, fail, send } = useSubmission();

  const keyOf = (kind: Kind, position: number) => `${kind}-${position}`;
  const markOf = (kind: Kind, position: number) => marks[keyOf(kind, position)] ?? unmarked();
  const setMark = (kind: Kind, position: number, change: Partial<Mark>) =>
    setMarks((all) => ({ ...all, [keyOf(kind, position)]: { ...markOf(kind, position), ...all[keyOf(kind, position)], ...change } }));

  const all: { kind: Kind; position: number }[] = [
    ...audit.diagnoses.map((d) => ({ kind: 'dx' as const, position: d.position })),
    ...audit.procedures.map((p) => ({ kind: 'px' as const, position: p.position })),
  ];
  const open = all.filter(({ kind, position }) => markOf(kind, position).correct === null).length;

  const markRemainingCorrect = () =>
    setMarks((current) => {
      const next = { ...current };
      for (const { kind, position } of all) {
        const key = keyOf(kind, position);
        if ((next[key]?.correct ?? null) === null) next[key] = { correct: true, correctedCode: '' };
      }
      return next;
    });

  const findings = (kind: Kind, positions: number[]): AuditFinding[] =>
    positions.map((position) => {
      const mark = markOf(kind, position);
      const finding: AuditFinding = { position, correct: mark.correct === true };
      if (mark.correct === false && mark.correctedCode.trim()) finding.correctedCode = mark.correctedCode.trim().toUpperCase();
      return finding;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (open > 0) {
      fail(`Mark every code right or wrong: ${open} still open.`);
      return;
    }
    await send(
      () =>
        completeAudit(audit.id, {
          diagnoses: findings('dx', audit.diagnoses.map((d) => d.position)),
          procedures: findings('px', audit.procedures.map((p) => p.position)),
        }),
      onDone,
    );
  };

  const verdict = (kind: Kind, position: number, label: string) => {
    const mark = markOf(kind, position);
    const name = `${kind}-${position}`;
    return (
      <>
        <td className="choice">
          <label>
            <input
              type="radio"
              name={name}
              data-testid={`audit-${name}-correct`}
              checked={mark.correct === true}
              onChange={() => setMark(kind, position, { correct: true, correctedCode: '' })}
            />{' '}
            Right
          </label>
          <label>
            <input
              type="radio"
              name={name}
              data-testid={`audit-${name}-wrong`}
              checked={mark.correct === false}
              onChange={() => setMark(kind, position, { correct: false })}
            />{' '}
            Wrong
          </label>
        </td>
        <td>
          {mark.correct === false && (
            <input
              className="code-input"
              data-testid={`audit-${name}-corrected`}
              aria-label={`Corrected code for ${label}`}
              placeholder="Correct code"
              value={mark.correctedCode}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setMark(kind, position, { correctedCode: e.target.value })}
            />
          )}
        </td>
      </>
    );
  };

  return (
    <div className="coding">
      <EncounterChart id="audit" encounterNumber={audit.encounterNumber} documentation={audit.documentation}>
        {audit.patientName && (
          <>
            <dt>Patient</dt>
            <dd>{audit.patientName}</dd>
          </>
        )}
        {audit.dateOfService && (
          <>
            <dt>Date of service</dt>
            <dd>{formatDate(audit.dateOfService)}</dd>
          </>
        )}
        {audit.coder && (
          <>
            <dt>Coded by</dt>
            <dd data-testid="audit-coder">{audit.coder}</dd>
          </>
        )}
        {audit.reason && (
          <>
            <dt>Sampled</dt>
            <dd>{audit.reason}</dd>
          </>
        )}
        {audit.chargeCents != null && (
          <>
            <dt>Charges</dt>
            <dd>{formatCents(audit.chargeCents)}</dd>
          </>
        )}
      </EncounterChart>

      <form className="audit-form" aria-labelledby="audit-heading" onSubmit={submit} noValidate>
        <h2 id="audit-heading">Coding audit</h2>
        <FormErrors message={message} errors={errors} />
        <fieldset disabled={busy}>
          <legend>Diagnoses</legend>
          {audit.diagnoses.length === 0 ? (
            <p className="empty">No diagnoses were coded.</p>
          ) : (
            <table className="grid grid--form">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Code</th>
                  <th scope="col">Description</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Correction</th>
                </tr>
              </thead>
              <tbody>
                {audit.diagnoses.map((d) => (
                  <tr key={d.position} data-testid={`audit-dx-row-${d.position}`}>
                    <td className="num">
                      {d.position}
                      {d.position === 1 && <span className="badge" title="Principal diagnosis">P</span>}
                    </td>
                    <td className="mono">{d.code}</td>
                    <td className="description">{d.description ?? ''}</td>
                    {verdict('dx', d.position, `diagnosis ${d.position}`)}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>Procedures</legend>
          {audit.procedures.length === 0 ? (
            <p className="empty">No procedures were coded.</p>
          ) : (
            <table className="grid grid--form">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Code</th>
                  <th scope="col">Modifiers</th>
                  <th scope="col">Units</th>
                  <th scope="col">Dx pointers</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Correction</th>
                </tr>
              </thead>
              <tbody>
                {audit.procedures.map((p) => (
                  <tr key={p.position} data-testid={`audit-px-row-${p.position}`}>
                    <td className="num">{p.position}</td>
                    <td className="mono">{p.code}</td>
                    <td className="mono">{(p.modifiers ?? []).join(', ')}</td>
                    <td className="num">{p.units ?? ''}</td>
                    <td>{(p.diagnosisPointers ?? []).join(',')}</td>
                    {verdict('px', p.position, `procedure ${p.position}`)}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="button" className="secondary" data-testid="audit-mark-rest-correct" disabled={busy || open === 0} onClick={markRemainingCorrect}>
            Mark the rest right
          </button>
          <button type="submit" data-testid="complete-audit" disabled={busy}>
            {busy ? 'Saving…' : 'Complete audit'}
          </button>
        </div>
      </form>
    </div>
  );
}

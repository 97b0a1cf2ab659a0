import { useState, type FormEvent } from 'react';
import { formatCents, formatDateTime, splitList } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { Loaded } from '@/lib/loaded';
import { NoteField } from '@/lib/note-field';
import { useSubmission } from '@/lib/use-submission';
import { fixClaim } from '@/features/claims/api/fix-claim';
import { useClaim } from '@/features/claims/api/get-claim';
import type { Claim, ClaimFix, FacilityFix, LineCorrection } from '@/features/claims/api/types';
import { ClaimDiagnoses, ClaimHeader } from '@/features/claims/components/claim-summary';

export function FixClaimForm({ claimId, onDone }: { claimId: number; onDone: () => void }) {
  return (
    <Loaded query={useClaim(claimId)} what="claim">
      {(claim) => <FixClaimEditor claim={claim} onDone={onDone} />}
    </Loaded>
  );
}

interface LineDraft {
  modifiers: string;
  pointers: string;
  units: string;
}

/** The biller sees why the claim was held (scrubber findings, payer rejections), corrects it and sends it back. */
function FixClaimEditor({ claim, onDone }: { claim: Claim; onDone: () => void }) {
  const [lines, setLines] = useState<Record<number, LineDraft>>(() =>
    Object.fromEntries(
      claim.lines.map((l) => [
        l.lineNumber,
        { modifiers: l.modifiers.join(', '), pointers: l.diagnosisPointers.join(', '), units: String(l.units) },
      ]),
    ),
  );
  const [memberId, setMemberId] = useState('');
  const [facility, setFacility] = useState<FacilityFix>({});
  const [note, setNote] = useState('');
  const { busy, message, errors, send } = useSubmission();

  const latest = claim.submissions.length === 0 ? 0 : claim.submissions[claim.submissions.length - 1].sequence;
  const rejections = claim.acknowledgements.filter((a) => !a.accepted && a.sequence === latest);

  const corrections = (): LineCorrection[] =>
    claim.lines.flatMap((line) => {
      const draft = lines[line.lineNumber];
      const modifiers = splitList(draft.modifiers);
      const pointers = splitList(draft.pointers).map(Number);
      const units = Number(draft.units);
      const changed =
        modifiers.join(',') !== line.modifiers.join(',') ||
        pointers.join(',') !== line.diagnosisPointers.join(',') ||
        units !== line.units;
      if (!changed) return [];
      return [{ lineNumber: line.lineNumber, modifiers, diagnosisPointers: pointers, units }];
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fix: ClaimFix = { lineCorrections: corrections() };
    if (memberId.trim()) fix.memberId = memberId.trim();
    const facilityChanges = Object.fromEntries(
      Object.entries(facility).filter(([, value]) => value !== undefined && value.trim() !== ''),
    ) as FacilityFix;
    if (Object.keys(facilityChanges).length > 0) fix.facility = facilityChanges;
    if (note.trim()) fix.note = note.trim();
    await send(() => fixClaim(claim.id, fix), onDone);
  };

  const edit = (lineNumber: number, field: keyof LineDraft, value: string) =>
    setLines((all) => ({ ...all, [lineNumber]: { ...all[lineNumber], [field]: value } }));

  return (
    <form className="claim-form" aria-labelledby="fix-heading" onSubmit={submit}>
      <h2 id="fix-heading">Fix claim {claim.claimNumber}</h2>
      <FormErrors message={message} errors={errors} />
      <ClaimHeader claim={claim} />

      <h3>Why it was held</h3>
      <ul className="findings" data-testid="claim-findings">
        {rejections.map((r) => (
          <li key={`${r.kind}-${r.sequence}`} className="error">
            <strong>{r.kind === '999' ? 'File rejected (999)' : 'Claim rejected (277CA)'}</strong>{' '}
            {formatDateTime(r.receivedAt)}: {r.message}
          </li>
        ))}
        {claim.findings.map((f, i) => (
          <li key={i} className={f.severity === 'ERROR' ? 'error' : 'warning'}>
            <span className="mono">{f.ruleId}</span>
            {f.lineNumber != null && <> (line {f.lineNumber})</>}: {f.message} <em>Fix: {f.fix}</em>
          </li>
        ))}
        {rejections.length === 0 && claim.findings.length === 0 && <li>Nothing recorded; check the claim.</li>}
      </ul>

      <ClaimDiagnoses claim={claim} />
      <table className="grid">
        <caption className="visually-hidden">Claim lines</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Procedure</th>
            <th scope="col">Modifiers</th>
            <th scope="col">Dx pointers</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col" className="num">
              Charge
            </th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((line) => (
            <tr key={line.lineNumber}>
              <td className="num">{line.lineNumber}</td>
              <td className="mono">{line.procedureCode}</td>
              <td>
                <input
                  className="modifiers-input"
                  aria-label={`Modifiers for line ${line.lineNumber}`}
                  data-testid={`line-modifiers-${line.lineNumber}`}
                  value={lines[line.lineNumber].modifiers}
                  disabled={busy}
                  onChange={(e) => edit(line.lineNumber, 'modifiers', e.target.value)}
                />
              </td>
              <td>
                <input
                  className="modifiers-input"
                  aria-label={`Diagnosis pointers for line ${line.lineNumber}`}
                  data-testid={`line-pointers-${line.lineNumber}`}
                  value={lines[line.lineNumber].pointers}
                  disabled={busy}
                  onChange={(e) => edit(line.lineNumber, 'pointers', e.target.value)}
                />
              </td>
              <td className="num">
                <input
                  className="units-input"
                  type="number"
                  min={1}
                  max={999}
                  aria-label={`Units for line ${line.lineNumber}`}
                  value={lines[line.lineNumber].units}
                  disabled={busy}
                  onChange={(e) => edit(line.lineNumber, 'units', e.target.value)}
                />
              </td>
              <td className="num">{formatCents(line.chargeCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {claim.claimType === 'INSTITUTIONAL' && (
        <fieldset className="facility" disabled={busy}>
          <legend>Facility stay (UB-04); leave empty what is right</legend>
          {(
            [
              ['typeCode', 'Facility type (e.g. 13)'],
              ['admissionType', 'Admission type (1-5, 9)'],
              ['admissionSource', 'Admission source'],
              ['patientStatus', 'Patient status (e.g. 01)'],
            ] as const
          ).map(([field, label]) => (
            <label key={field} className="stacked">
              {label}
              <input
                data-testid={`facility-${field}`}
                value={facility[field] ?? ''}
                onChange={(e) => setFacility((f) => ({ ...f, [field]: e.target.value }))}
              />
            </label>
          ))}
        </fieldset>
      )}
      <label className="stacked">
        Member id (only when the payer could not find the member)
        <input data-testid="member-id" value={memberId} disabled={busy} onChange={(e) => setMemberId(e.target.value)} />
      </label>
      <NoteField testId="fix-note" value={note} disabled={busy} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" data-testid="fix-claim" disabled={busy}>
          {busy ? 'Saving…' : 'Fix and scrub again'}
        </button>
      </div>
    </form>
  );
}

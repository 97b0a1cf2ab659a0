import { claimStatusLabel } from '@/lib/claim-status';
import { formatCents, formatDate } from '@/lib/format';
import type { Claim } from '@/features/claims/api/types';

export function ClaimHeader({ claim }: { claim: Claim }) {
  return (
    <dl className="facts facts--wide">
      <dt>Claim</dt>
      <dd className="mono">{claim.claimNumber}</dd>
      <dt>Encounter</dt>
      <dd className="mono">{claim.encounterNumber}</dd>
      <dt>Patient</dt>
      <dd>{claim.patientName}</dd>
      <dt>Payer</dt>
      <dd>{claim.payerName}</dd>
      <dt>Date of service</dt>
      <dd>{formatDate(claim.dateOfService)}</dd>
      <dt>Status</dt>
      <dd>{claimStatusLabel(claim.status)}</dd>
      <dt>Total charge</dt>
      <dd>{formatCents(claim.totalChargeCents)}</dd>
      {claim.paidCents !== null && (
        <>
          <dt>Paid</dt>
          <dd>{formatCents(claim.paidCents)}</dd>
        </>
      )}
    </dl>
  );
}

export function ClaimDiagnoses({ claim }: { claim: Claim }) {
  if (claim.diagnoses.length === 0) return null;
  return (
    <>
      <h3>Diagnoses</h3>
      <ol className="diagnoses">
        {claim.diagnoses.map((d) => (
          <li key={d.code}>
            <span className="mono">{d.code}</span> {d.description}
          </li>
        ))}
      </ol>
    </>
  );
}

export function ClaimLinesTable({ claim }: { claim: Claim }) {
  const showPaid = claim.lines.some((line) => line.paidCents !== null);
  return (
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
          <th scope="col">Dx pointers</th>
          <th scope="col" className="num">
            Charge
          </th>
          {showPaid && (
            <th scope="col" className="num">
              Paid
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {claim.lines.map((line) => (
          <tr key={line.lineNumber}>
            <td className="num">{line.lineNumber}</td>
            <td className="mono">{line.procedureCode}</td>
            <td className="mono">{line.modifiers.join(', ')}</td>
            <td className="num">{line.units}</td>
            <td>{line.diagnosisPointers.join(', ')}</td>
            <td className="num">{formatCents(line.chargeCents)}</td>
            {showPaid && <td className="num">{formatCents(line.paidCents)}</td>}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={5}>
            Total
          </th>
          <td className="num" data-testid="claim-total">
            {formatCents(claim.totalChargeCents)}
          </td>
          {showPaid && <td className="num">{formatCents(claim.paidCents)}</td>}
        </tr>
      </tfoot>
    </table>
  );
}

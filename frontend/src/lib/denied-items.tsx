import { formatCents } from '@/lib/format';

/**
 * One adjustment a payer's 835 denied on a claim (DenialView.Item on the server): claim level when lineNumber is
 * null. Denials, appeals and write-offs all show them, and features do not import each other, so it lives here.
 */
export interface DeniedItem {
  id: number;
  lineNumber: number | null;
  groupCode: string;
  reasonCode: string;
  reasonText: string;
  remarkCodes: string[];
  amountCents: number;
  route: string;
  routeReason: string | null;
  status: string;
}

/** The queue the denial routing table sent an item to, in the words of the people who work them. */
const ROUTE_LABELS: Record<string, string> = {
  FIX_REGISTRATION: 'Fix registration',
  RECODE: 'Recode (coder)',
  APPEAL: 'Appeal',
  TIMELY_FILING: 'Timely filing (manager)',
  WORK_DENIAL: 'Biller review',
  PATIENT_RESPONSIBILITY: 'Patient responsibility',
  CONTRACTUAL: 'Contractual adjustment',
};

export function routeLabel(route: string | null | undefined): string {
  return route ? (ROUTE_LABELS[route] ?? route) : '';
}

export function DeniedItemsTable({ items, showRoute = true }: { items: DeniedItem[]; showRoute?: boolean }) {
  if (items.length === 0) return <p className="empty">No denied items recorded.</p>;
  return (
    <table className="grid" data-testid="denied-items">
      <caption className="visually-hidden">Denied items</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Adjustment</th>
          <th scope="col">Remark codes</th>
          <th scope="col" className="num">
            Amount
          </th>
          {showRoute && <th scope="col">Route</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="denied-item">
            <td>{item.lineNumber === null ? 'Claim' : item.lineNumber}</td>
            <td>
              <span className="mono">
                {item.groupCode}-{item.reasonCode}
              </span>{' '}
              {item.reasonText}
            </td>
            <td className="mono">{item.remarkCodes.join(', ')}</td>
            <td className="num">{formatCents(item.amountCents)}</td>
            {showRoute && <td>{routeLabel(item.route)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useState, type FormEvent } from 'react';
import { formatCents } from '@/lib/format';
import { FormErrors } from '@/lib/form-errors';
import { useSubmission } from '@/lib/use-submission';
import { recordPayment } from '@/features/statements/api/record-payment';
import type { PaymentInput, PaymentMethod, Statement } from '@/features/statements/api/types';

const METHODS: { value: PaymentMethod; label: string }[] = [
  { value: 'CARD', label: 'Card' },
  { value: 'CASH', label: 'Cash' },
  { value: 'CHECK', label: 'Check' },
  { value: 'ACH', label: 'Bank transfer (ACH)' },
  { value: 'OTHER', label: 'Other' },
];

/** "40", "40.5", "$1,234.56" as cents; null when it is not an amount of dollars and cents. */
export function parseDollars(text: string): number | null {
  const match = /^\$?(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface Props {
  statementId: number;
  balanceCents: number;
  /** Called with the statement as recorded; the form stays busy from then on, so the caller closes it. */
  onRecorded: (statement: Statement) => void;
}

/** A payment the office received; the server checks it against the balance (more than zero, at most the balance). */
export function RecordPaymentForm({ statementId, balanceCents, onRecorded }: Props) {
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [reference, setReference] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const { busy, message, errors, fail, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amountCents = parseDollars(amount);
    if (amountCents === null) {
      fail('Enter the amount in dollars and cents, e.g. 25.00.');
      return;
    }
    const payment: PaymentInput = { amountCents, method, receivedOn };
    if (reference.trim()) payment.reference = reference.trim();
    await send(() => recordPayment(statementId, payment), onRecorded);
  };

  return (
    <form className="grid--form" aria-label={`Record a payment on statement ${statementId}`} onSubmit={submit}>
      <FormErrors message={message} errors={errors} />
      <p className="hint">Balance {formatCents(balanceCents)}</p>
      <label>
        Amount ($)
        <input
          data-testid="payment-amount"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          disabled={busy}
          onChange={(e) => setAmount(e.target.value)}
        />
      </label>
      <label>
        Method
        <select value={method} disabled={busy} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
          {METHODS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reference
        <input
          data-testid="payment-reference"
          maxLength={50}
          autoComplete="off"
          value={reference}
          disabled={busy}
          onChange={(e) => setReference(e.target.value)}
        />
      </label>
      <label>
        Received on
        <input type="date" value={receivedOn} disabled={busy} onChange={(e) => setReceivedOn(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" data-testid="record-payment" disabled={busy || amount.trim() === ''}>
          {busy ? 'Saving…' : 'Record payment'}
        </button>
      </div>
    </form>
  );
}

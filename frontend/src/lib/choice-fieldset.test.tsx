import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ChoiceFieldset, type Choice } from '@/lib/choice-fieldset';

type Outcome = 'OVERTURNED' | 'UPHELD' | 'PENDING';

const OUTCOMES: Choice<Outcome>[] = [
  { value: 'OVERTURNED', label: 'Overturned', hint: 'The payer will pay.' },
  { value: 'UPHELD', label: 'Upheld', hint: 'The denial stands.' },
  { value: 'PENDING', label: 'Pending' },
];

function Harness({ disabled = false }: { disabled?: boolean }) {
  const [value, setValue] = useState<Outcome | null>(null);
  return (
    <>
      <ChoiceFieldset legend="Outcome" name="outcome" choices={OUTCOMES} value={value} onChange={setValue} disabled={disabled} hintTestId="outcome-hint" />
      <output data-testid="chosen">{value ?? 'none'}</output>
    </>
  );
}

describe('ChoiceFieldset', () => {
  it('offers the choices as radios and says what the chosen one does', async () => {
    render(<Harness />);
    expect(screen.getByRole('group', { name: 'Outcome' })).toBeInTheDocument();
    expect(screen.queryByTestId('outcome-hint')).not.toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Upheld'));
    expect(screen.getByTestId('chosen')).toHaveTextContent('UPHELD');
    expect(screen.getByLabelText('Upheld')).toBeChecked();
    expect(screen.getByLabelText('Upheld')).toHaveAttribute('name', 'outcome');
    expect(screen.getByTestId('outcome-hint')).toHaveTextContent('The denial stands.');

    await userEvent.click(screen.getByLabelText('Pending'));
    expect(screen.getByLabelText('Upheld')).not.toBeChecked();
    expect(screen.queryByTestId('outcome-hint')).not.toBeInTheDocument();
  });

  it('cannot be changed while disabled', async () => {
    render(<Harness disabled />);
    expect(screen.getByLabelText('Overturned')).toBeDisabled();
    await userEvent.click(screen.getByLabelText('Overturned'));
    expect(screen.getByTestId('chosen')).toHaveTextContent('none');
  });
});

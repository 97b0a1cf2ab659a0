import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormErrors } from '@/lib/form-errors';

describe('form errors', () => {
  it('lists what blocks completion before the warnings, keeping each group in order', () => {
    render(
      <FormErrors
        errors={[
          { ruleId: 'CODING-CODESET-PAST-END', severity: 'WARNING', field: 'diagnoses', message: 'Old code set' },
          { ruleId: 'CODING-DX-NOT-BILLABLE', severity: 'ERROR', field: 'diagnoses[0].code', message: 'Header' },
          { ruleId: 'CODING-UNITS', severity: 'ERROR', field: 'procedures[0].units', message: 'Units' },
        ]}
        onSelectField={() => {}}
      />,
    );
    const items = within(screen.getByTestId('form-errors')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'diagnoses[0].code: Header',
      'procedures[0].units: Units',
      'Warning: diagnoses: Old code set',
    ]);
  });
});

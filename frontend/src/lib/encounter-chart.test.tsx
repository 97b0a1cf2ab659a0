import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EncounterChart } from '@/lib/encounter-chart';

describe('EncounterChart', () => {
  it('shows the encounter, its facts and the documentation, labelled by their headings', () => {
    render(
      <EncounterChart id="audit" encounterNumber="ENC-1001" documentation="Knee pain, right side.">
        <dt>Patient</dt>
        <dd>Rivera, Ana</dd>
      </EncounterChart>,
    );
    expect(screen.getByRole('region', { name: 'Encounter ENC-1001' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveAttribute('id', 'audit-chart-heading');
    expect(screen.getByRole('definition')).toHaveTextContent('Rivera, Ana');
    const documentation = screen.getByTestId('documentation');
    expect(documentation).toHaveTextContent('Knee pain, right side.');
    expect(documentation).toHaveAccessibleName('Documentation');
  });

  it('leaves the documentation out when there is none', () => {
    render(<EncounterChart id="query" encounterNumber={null}>{null}</EncounterChart>);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Encounter ');
    expect(screen.queryByTestId('documentation')).not.toBeInTheDocument();
  });
});

import { describe, expect, it } from 'vitest';
import {
  codeKey,
  describeField,
  fieldTestId,
  moveDiagnosis,
  newDiagnosisRow,
  newProcedureRow,
  procedureSystem,
  shiftPointers,
} from '@/features/coding/components/coding-form-model';

describe('coding form model', () => {
  it('names API fields the way a coder reads them', () => {
    expect(describeField('diagnoses[0].code')).toBe('Diagnosis 1 code');
    expect(describeField('procedures[1].diagnosisPointers')).toBe('Procedure 2 diagnosis pointers');
    expect(describeField('procedures')).toBe('Procedures');
  });

  it('keeps pointers on the same diagnoses when a diagnosis row is removed', () => {
    expect(shiftPointers('1,2,3', 1)).toBe('1,2');
    expect(shiftPointers('3, 4', 0)).toBe('2,3');
  });
});

describe('coding form model: reordering and keyboard helpers', () => {
  const rows = () => ({
    diagnoses: [newDiagnosisRow('I10'), newDiagnosisRow('E11.9'), newDiagnosisRow('M17.11')],
    procedures: [newProcedureRow({ code: '99213', pointers: '1,2' }), newProcedureRow({ code: '20610', pointers: '3' })],
  });

  it('makes a diagnosis principal and keeps every pointer on the same diagnosis', () => {
    const moved = moveDiagnosis(rows(), 2, 0);
    expect(moved.diagnoses.map((d) => d.code)).toEqual(['M17.11', 'I10', 'E11.9']);
    expect(moved.procedures.map((p) => p.pointers)).toEqual(['2,3', '1']);
  });

  it('moves a diagnosis down one place', () => {
    const moved = moveDiagnosis(rows(), 0, 1);
    expect(moved.diagnoses.map((d) => d.code)).toEqual(['E11.9', 'I10', 'M17.11']);
    expect(moved.procedures.map((p) => p.pointers)).toEqual(['2,1', '3']);
  });

  it('leaves the rows alone when the move goes nowhere', () => {
    const before = rows();
    expect(moveDiagnosis(before, 0, -1)).toBe(before);
    expect(moveDiagnosis(before, 2, 3)).toBe(before);
  });

  it('finds the input an API field names', () => {
    expect(fieldTestId('diagnoses[2].code')).toBe('dx-code-2');
    expect(fieldTestId('procedures[1].diagnosisPointers')).toBe('px-pointers-1');
    expect(fieldTestId('procedures[0].modifiers')).toBe('px-modifiers-0');
    expect(fieldTestId('diagnoses')).toBeNull();
  });

  it('searches CPT for numbers and HCPCS for letters and words', () => {
    expect(procedureSystem('2061')).toBe('CPT');
    expect(procedureSystem('J1030')).toBe('HCPCS');
    expect(procedureSystem('injection')).toBe('HCPCS');
  });

  it('compares codes without the dot or case', () => {
    expect(codeKey(' e11.21 ')).toBe('E1121');
  });
});

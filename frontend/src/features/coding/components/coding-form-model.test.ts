import { describe, expect, it } from 'vitest';
import { describeField, shiftPointers } from '@/features/coding/components/coding-form-model';

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

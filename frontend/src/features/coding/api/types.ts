export interface Diagnosis {
  code: string;
  description?: string | null;
}

export interface Procedure {
  code: string;
  modifiers: string[];
  units: number;
  /** 1-based positions in `diagnoses`, 1..4 of them. */
  diagnosisPointers: number[];
}

export interface Codes {
  diagnoses: Diagnosis[];
  procedures: Procedure[];
}

export interface CodingCase {
  id: number;
  encounterId: number;
  encounterNumber: string;
  status: 'OPEN' | 'CODED';
  patientName: string;
  patientBirthDate: string | null;
  patientSex: string | null;
  dateOfService: string | null;
  payerName: string | null;
  documentation: string;
  draft: Codes | null;
  finalCodes: Codes | null;
}

export type CodeSystem = 'ICD10CM' | 'HCPCS' | 'CPT';

export interface CodeEntry {
  system: CodeSystem;
  code: string;
  description: string | null;
  billable: boolean;
}

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

/** One hit of GET /api/codes/search. CPT entries carry no description (AMA licence). */
export interface CodeEntry {
  system: CodeSystem;
  /** As stored, without the dot: `E1121`. */
  code: string;
  /** As coders read it: `E11.21` for ICD-10-CM, the code itself otherwise. */
  display?: string | null;
  description: string | null;
  billable: boolean;
  /** A category header: not billable, code to a child. */
  header?: boolean;
}

/** POST /api/coding/cases/{id}/queries: a non-leading, multiple-choice question to the physician. */
export interface NewPhysicianQuery {
  question: string;
  /** The clinically reasonable answers, always ending with "Clinically undetermined". */
  options: string[];
  allowFreeText: boolean;
}

/** A coding audit as GET /api/audits/{id} returns it (fields the backend may leave out are optional). */
export interface AuditedDiagnosis {
  /** 1-based; position 1 is the principal diagnosis. */
  position: number;
  code: string;
  description?: string | null;
  /** Set once audited. */
  correct?: boolean | null;
  correctedCode?: string | null;
}

export interface AuditedProcedure {
  position: number;
  code: string;
  description?: string | null;
  modifiers?: string[];
  units?: number | null;
  diagnosisPointers?: number[];
  correct?: boolean | null;
  correctedCode?: string | null;
}

export interface CodingAudit {
  id: number;
  codingCaseId?: number | null;
  encounterNumber?: string | null;
  patientName?: string | null;
  dateOfService?: string | null;
  coder?: string | null;
  /** Why this coding was sampled, e.g. random sample or charges above the threshold. */
  reason?: string | null;
  chargeCents?: number | null;
  documentation?: string | null;
  status?: string | null;
  diagnoses: AuditedDiagnosis[];
  procedures: AuditedProcedure[];
}

export interface AuditFinding {
  position: number;
  correct: boolean;
  correctedCode?: string;
}

export interface AuditResult {
  diagnoses: AuditFinding[];
  procedures: AuditFinding[];
}

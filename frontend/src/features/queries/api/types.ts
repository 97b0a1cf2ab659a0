/** A physician query as GET /api/queries/{id} returns it (fields the backend may leave out are optional). */
export interface PhysicianQuery {
  id: number;
  codingCaseId?: number | null;
  encounterNumber?: string | null;
  patientName?: string | null;
  dateOfService?: string | null;
  /** The documentation the coder saw, so the physician answers with the record in front of them. */
  documentation?: string | null;
  question: string;
  /** Multiple choice, including "Clinically undetermined". */
  options: string[];
  allowFreeText: boolean;
  status?: string | null;
  askedBy?: string | null;
  askedAt?: string | null;
  answerChoice?: string | null;
  answerFreeText?: string | null;
  answeredBy?: string | null;
  answeredAt?: string | null;
}

export interface QueryAnswer {
  choice: string;
  freeText?: string | null;
}

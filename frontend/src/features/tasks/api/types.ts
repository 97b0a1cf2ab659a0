export type TaskView = 'mine' | 'group' | 'unassigned';

/** Work-queue order: nearest due date first, then most dollars (the server's default); or oldest task first. */
export type TaskSort = 'deadline' | 'created';

export interface Task {
  id: string;
  name: string;
  taskDefinitionKey: string;
  processDefinitionKey: string;
  businessKey: string | null;
  assignee: string | null;
  candidateGroups: string[];
  created: string;
  due: string | null;
  encounterNumber: string | null;
  claimNumber: string | null;
  patientName: string | null;
  payerName: string | null;
  amountCents: number | null;
  dateOfService: string | null;
  /** When the claim first went to the payer (null before, or for encounter tasks): its age counts from here. */
  claimBilledAt?: string | null;
  codingCaseId: number | null;
  claimId: number | null;
  denialId: number | null;
  /** Set on Task_AnswerQuery. */
  queryId?: number | null;
  /** Set on Task_AuditCoding. */
  auditId?: number | null;
  /** Set on Task_ReviewRemittance. */
  remittanceExceptionId?: number | null;
  /** Set on the patient-statement process's tasks. */
  statementId?: number | null;
  /** Set on the appeal tasks. */
  appealId?: number | null;
  /** Set on Task_ApproveWriteOff. */
  writeOffId?: number | null;
}

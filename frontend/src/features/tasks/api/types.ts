export type TaskView = 'mine' | 'group' | 'unassigned';

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

import type { ReactNode } from 'react';
import { AppealDecisionForm } from '@/features/appeals/components/appeal-decision-form';
import { PrepareAppealForm } from '@/features/appeals/components/prepare-appeal-form';
import { AuditForm } from '@/features/audits/components/audit-form';
import { FollowUpForm } from '@/features/claims/components/follow-up-form';
import { FixClaimForm } from '@/features/claims/components/fix-claim-form';
import { TimelyFilingRiskForm } from '@/features/claims/components/timely-filing-risk-form';
import { CodingForm } from '@/features/coding/components/coding-form';
import { DenialForm } from '@/features/denials/components/denial-form';
import { FixRegistrationForm } from '@/features/denials/components/fix-registration-form';
import { RecodeDenialForm } from '@/features/denials/components/recode-denial-form';
import { AnswerQueryForm } from '@/features/queries/components/answer-query-form';
import { ReviewRemittanceForm } from '@/features/remittance/components/review-remittance-form';
import { PatientBalanceForm } from '@/features/statements/components/patient-balance-form';
import type { Task } from '@/features/tasks/api/types';
import { ApproveWriteOffForm } from '@/features/write-offs/components/approve-write-off-form';

/** Renders the form for a task, given the call that returns to the task list once it is done. */
export type TaskFormRenderer = (task: Task, onDone: () => void) => ReactNode;

/** taskDefinitionKey (BPMN user task id) → form. A new user task needs one line here. */
export const taskForms: Record<string, TaskFormRenderer> = {
  Task_CodeEncounter: (task, onDone) =>
    task.codingCaseId != null ? <CodingForm caseId={task.codingCaseId} onDone={onDone} /> : missing('coding case'),
  Task_FixClaim: (task, onDone) =>
    task.claimId != null ? <FixClaimForm claimId={task.claimId} onDone={onDone} /> : missing('claim'),
  Task_ChaseFunctionalAck: (task, onDone) =>
    task.claimId != null ? <FollowUpForm claimId={task.claimId} onDone={onDone} awaiting="FUNCTIONAL_ACK" /> : missing('claim'),
  Task_ChaseClaimAck: (task, onDone) =>
    task.claimId != null ? <FollowUpForm claimId={task.claimId} onDone={onDone} awaiting="CLAIM_ACK" /> : missing('claim'),
  Task_WorkDenial: (task, onDone) =>
    task.denialId != null ? <DenialForm denialId={task.denialId} onDone={onDone} /> : missing('denial'),
  Task_RecodeDenial: (task, onDone) =>
    task.denialId != null ? <RecodeDenialForm denialId={task.denialId} onDone={onDone} /> : missing('denial'),
  Task_FixRegistration: (task, onDone) =>
    task.denialId != null ? <FixRegistrationForm denialId={task.denialId} onDone={onDone} /> : missing('denial'),
  Task_PrepareAppeal: (task, onDone) =>
    task.appealId != null ? <PrepareAppealForm appealId={task.appealId} onDone={onDone} /> : missing('appeal'),
  Task_RecordAppealOutcome: (task, onDone) =>
    task.appealId != null ? <AppealDecisionForm appealId={task.appealId} onDone={onDone} /> : missing('appeal'),
  Task_ApproveWriteOff: (task, onDone) =>
    task.writeOffId != null ? <ApproveWriteOffForm writeOffId={task.writeOffId} onDone={onDone} /> : missing('write-off request'),
  Task_TimelyFilingRisk: (task, onDone) =>
    task.claimId != null ? <TimelyFilingRiskForm claimId={task.claimId} deadline={task.due} onDone={onDone} /> : missing('claim'),
  Task_FollowUpClaim: (task, onDone) =>
    task.claimId != null ? <FollowUpForm claimId={task.claimId} onDone={onDone} /> : missing('claim'),
  Task_AnswerQuery: (task, onDone) =>
    task.queryId != null ? <AnswerQueryForm queryId={task.queryId} onDone={onDone} /> : missing('physician query'),
  Task_AuditCoding: (task, onDone) =>
    task.auditId != null ? <AuditForm auditId={task.auditId} onDone={onDone} /> : missing('coding audit'),
  Task_ReviewPatientBalance: (task, onDone) =>
    task.statementId != null ? <PatientBalanceForm statementId={task.statementId} onDone={onDone} /> : missing('patient statement'),
  Task_ReviewRemittance: (task, onDone) =>
    task.remittanceExceptionId != null ? (
      <ReviewRemittanceForm exceptionId={task.remittanceExceptionId} onDone={onDone} />
    ) : (
      missing('remittance exception')
    ),
};

function missing(what: string) {
  const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
  return (
    <div role="alert" className="alert alert--error">
      This task is not linked to {article} {what}. Ask an administrator to check the process instance.
    </div>
  );
}

import type { ReactNode } from 'react';
import { AuditForm } from '@/features/audits/components/audit-form';
import { FollowUpForm } from '@/features/claims/components/follow-up-form';
import { FixClaimForm } from '@/features/claims/components/fix-claim-form';
import { CodingForm } from '@/features/coding/components/coding-form';
import { DenialForm } from '@/features/denials/components/denial-form';
import { AnswerQueryForm } from '@/features/queries/components/answer-query-form';
import type { Task } from '@/features/tasks/api/types';

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
  Task_FollowUpClaim: (task, onDone) =>
    task.claimId != null ? <FollowUpForm claimId={task.claimId} onDone={onDone} /> : missing('claim'),
  Task_AnswerQuery: (task, onDone) =>
    task.queryId != null ? <AnswerQueryForm queryId={task.queryId} onDone={onDone} /> : missing('physician query'),
  Task_AuditCoding: (task, onDone) =>
    task.auditId != null ? <AuditForm auditId={task.auditId} onDone={onDone} /> : missing('coding audit'),
};

function missing(what: string) {
  return (
    <div role="alert" className="alert alert--error">
      This task is not linked to a {what}. Ask an administrator to check the process instance.
    </div>
  );
}

import { api } from '@/lib/api-client';
import type { Task } from '@/features/tasks/api/types';

/** 409 when someone else claimed it first; the problem's detail says who. */
export function claimTask(taskId: string): Promise<Task> {
  return api<Task>(`/api/tasks/${encodeURIComponent(taskId)}/claim`, { method: 'POST' });
}

import { api } from '@/lib/api-client';
import type { Task } from '@/features/tasks/api/types';

export function unclaimTask(taskId: string): Promise<Task> {
  return api<Task>(`/api/tasks/${encodeURIComponent(taskId)}/unclaim`, { method: 'POST' });
}

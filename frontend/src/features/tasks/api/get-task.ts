import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { Task } from '@/features/tasks/api/types';

export function getTask(taskId: string, signal?: AbortSignal): Promise<Task> {
  return api<Task>(`/api/tasks/${encodeURIComponent(taskId)}`, { signal });
}

export function useTask(taskId: string) {
  return useQuery(`task:${taskId}`, (signal) => getTask(taskId, signal));
}

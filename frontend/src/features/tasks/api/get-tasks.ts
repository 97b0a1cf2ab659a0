import { api, type Page } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { Task, TaskView } from '@/features/tasks/api/types';

export const TASK_PAGE_SIZE = 50;

/** `businessKey`: an encounter or claim number, matched exactly. */
export function getTasks(
  view: TaskView,
  page: number,
  size = TASK_PAGE_SIZE,
  signal?: AbortSignal,
  businessKey = '',
): Promise<Page<Task>> {
  const query = new URLSearchParams({ view, page: String(page), size: String(size) });
  if (businessKey) query.set('businessKey', businessKey);
  return api<Page<Task>>(`/api/tasks?${query}`, { signal });
}

export function useTasks(view: TaskView, page: number, businessKey = '') {
  return useQuery(`tasks:${view}:${page}:${businessKey}`, (signal) =>
    getTasks(view, page, TASK_PAGE_SIZE, signal, businessKey),
  );
}

import { api, type Page } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { Task, TaskSort, TaskView } from '@/features/tasks/api/types';

export const TASK_PAGE_SIZE = 50;

/** The server sorts by deadline unless told otherwise. */
export const DEFAULT_TASK_SORT: TaskSort = 'deadline';

/** `businessKey`: an encounter or claim number, matched exactly. `sort` is sent only when it is not the default. */
export function getTasks(
  view: TaskView,
  page: number,
  size = TASK_PAGE_SIZE,
  signal?: AbortSignal,
  businessKey = '',
  sort: TaskSort = DEFAULT_TASK_SORT,
): Promise<Page<Task>> {
  const query = new URLSearchParams({ view, page: String(page), size: String(size) });
  if (businessKey) query.set('businessKey', businessKey);
  if (sort !== DEFAULT_TASK_SORT) query.set('sort', sort);
  return api<Page<Task>>(`/api/tasks?${query}`, { signal });
}

export function useTasks(view: TaskView, page: number, businessKey = '', sort: TaskSort = DEFAULT_TASK_SORT) {
  return useQuery(`tasks:${view}:${page}:${businessKey}:${sort}`, (signal) =>
    getTasks(view, page, TASK_PAGE_SIZE, signal, businessKey, sort),
  );
}

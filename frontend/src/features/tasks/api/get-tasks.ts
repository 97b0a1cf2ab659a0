import { api, type Page } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { Task, TaskView } from '@/features/tasks/api/types';

export const TASK_PAGE_SIZE = 50;

export function getTasks(view: TaskView, page: number, size = TASK_PAGE_SIZE, signal?: AbortSignal): Promise<Page<Task>> {
  const query = new URLSearchParams({ view, page: String(page), size: String(size) });
  return api<Page<Task>>(`/api/tasks?${query}`, { signal });
}

export function useTasks(view: TaskView, page: number) {
  return useQuery(`tasks:${view}:${page}`, (signal) => getTasks(view, page, TASK_PAGE_SIZE, signal));
}

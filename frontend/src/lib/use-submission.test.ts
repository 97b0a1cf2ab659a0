import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type FieldProblem } from '@/lib/api-client';
import { useSubmission } from '@/lib/use-submission';

const UNITS: FieldProblem = { field: 'units', severity: 'ERROR', message: 'Units are a whole number.' };

describe('useSubmission', () => {
  it('is busy while the call runs and stays busy once it succeeded, handing on the result', async () => {
    const { result } = renderHook(() => useSubmission());
    let finish: (value: number) => void = () => {};
    const onSuccess = vi.fn();
    let sent: Promise<void> = Promise.resolve();
    act(() => {
      sent = result.current.send(() => new Promise<number>((resolve) => (finish = resolve)), onSuccess);
    });
    expect(result.current.busy).toBe(true);
    expect(onSuccess).not.toHaveBeenCalled();
    await act(async () => {
      finish(42);
      await sent;
    });
    expect(onSuccess).toHaveBeenCalledWith(42);
    expect(result.current.busy).toBe(true);
    expect(result.current.message).toBeNull();
    expect(result.current.errors).toEqual([]);
  });

  it('shows the message and field problems of a failed call, and is no longer busy', async () => {
    const { result } = renderHook(() => useSubmission());
    const onSuccess = vi.fn();
    await act(() =>
      result.current.send(() => Promise.reject(new ApiError(400, { detail: 'Invalid lines', errors: [UNITS] })), onSuccess),
    );
    expect(onSuccess).not.toHaveBeenCalled();
    expect(result.current.busy).toBe(false);
    expect(result.current.message).toBe('Invalid lines');
    expect(result.current.errors).toEqual([UNITS]);
  });

  it('shows only a message when the failure is not a problem detail', async () => {
    const { result } = renderHook(() => useSubmission());
    await act(() => result.current.send(() => Promise.reject(new TypeError('Failed to fetch')), () => {}));
    expect(result.current.message).toBe('The server cannot be reached. Check your connection and try again.');
    expect(result.current.errors).toEqual([]);
  });

  it('fail shows a problem found before sending, and the next send clears it', async () => {
    const { result } = renderHook(() => useSubmission());
    act(() => result.current.fail(null, [UNITS]));
    expect(result.current.message).toBeNull();
    expect(result.current.errors).toEqual([UNITS]);
    act(() => result.current.fail('Choose an outcome.'));
    expect(result.current.message).toBe('Choose an outcome.');
    expect(result.current.errors).toEqual([]);
    expect(result.current.busy).toBe(false);

    let finish: () => void = () => {};
    act(() => {
      void result.current.send(() => new Promise<void>((resolve) => (finish = resolve)), () => {});
    });
    expect(result.current.message).toBeNull();
    expect(result.current.errors).toEqual([]);
    await act(async () => finish());
  });
});

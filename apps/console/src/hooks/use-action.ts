import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/api-error';

export interface Action<A extends unknown[], R> {
  /** Runs the action; resolves to its result, or to undefined when it failed (the error is kept). */
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/** One button's work: pending while it runs (a second click is ignored), and its error in words. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const running = useRef(false);
  const latest = useRef(action);
  latest.current = action;

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    setError(undefined);
    try {
      return await latest.current(...args);
    } catch (failure) {
      setError(toApiError(failure));
      return undefined;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}

import { useCallback, useRef, useState } from 'react';
import type { Page } from '@portal/contracts/http';
import type { ApiError } from '../api/api-error';
import { useLoad } from './use-load';

export const PAGE_SIZE = 25;

export interface CursorPages<T> {
  items: T[];
  loading: boolean;
  error: ApiError | undefined;
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next: () => void;
  previous: () => void;
  reload: () => void;
}

type Filter = Record<string, string | undefined>;

const NO_PAGE: Page<never> = { items: [], nextCursor: null };

/**
 * A list read a page at a time with the API's cursors. The cursors seen so far are kept, so
 * Previous goes back without the API paging backwards; another `filter` starts from the first page.
 */
export function useCursorPages<T>(filter: Filter, fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>): CursorPages<T> {
  const key = JSON.stringify(filter);
  const [stack, setStack] = useState<{ key: string; cursors: (string | undefined)[] }>({ key, cursors: [undefined] });
  // A new filter resets the cursors while rendering, so no request goes out with the old ones.
  if (stack.key !== key) setStack({ key, cursors: [undefined] });
  const cursors = stack.key === key ? stack.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const depth = cursors.length;

  // The filter decides what is fetched; the function may be a new closure on every render.
  const latest = useRef(fetchPage);
  latest.current = fetchPage;
  const loaded = useLoad((signal) => latest.current(cursor, signal), [key, cursor, depth]);
  const page = loaded.data ?? NO_PAGE;

  const nextCursor = page.nextCursor;
  const next = useCallback(() => {
    if (nextCursor) setStack((s) => ({ key: s.key, cursors: [...s.cursors, nextCursor] }));
  }, [nextCursor]);
  const previous = useCallback(() => setStack((s) => ({ key: s.key, cursors: s.cursors.length > 1 ? s.cursors.slice(0, -1) : s.cursors })), []);

  return { items: page.items, loading: loaded.loading, error: loaded.error, pageNumber: depth, hasNext: nextCursor !== null, hasPrevious: depth > 1, next, previous, reload: loaded.reload };
}

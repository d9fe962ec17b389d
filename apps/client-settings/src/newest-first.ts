import type { PageQuery } from '@portal/contracts';
import { decodeCursor } from '@portal/service-kit';

/**
 * How a list reads one page, newest first: ids are UUIDv7, so the cursor is the last id shown, and
 * one row more than the page tells `toPage` whether another follows.
 */
export function newestFirst(query: PageQuery) {
  const before = decodeCursor(query.cursor);
  return {
    /** Rows older than the cursor; narrows a `where`, so add it to an `$and` rather than let it replace an `id` filter. */
    olderThan: before ? { id: { $lt: before } } : {},
    options: { orderBy: { id: 'desc' as const }, limit: query.limit + 1 },
  };
}

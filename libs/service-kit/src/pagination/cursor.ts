import type { Page } from '@portal/contracts';
import { AppError } from '../http/app-error';
import { isUuid } from '../http/resource-id';

/**
 * Lists are ordered by id descending: ids are UUIDv7, so that is newest first. The cursor is the
 * last id of a page, opaque to callers.
 */
export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) {
    throw new AppError(400, 'INVALID_CURSOR', 'The cursor is not one this list gave out.', [{ path: 'cursor', message: 'is not valid' }]);
  }
  return id;
}

/** Builds a page from `limit + 1` rows: the extra row only tells whether there is a next page. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
  };
}

import type { Page } from '@portal/contracts/http';
import { MAX_PAGE_LIMIT } from '@portal/contracts/http';

/** Every item of a list, following its cursors (for lookups such as client names; lists on pages page). */
export async function readAllPages<T>(fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>, maxPages = 50): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await fetchPage(cursor, MAX_PAGE_LIMIT);
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

import type { CursorPages } from '../hooks/use-cursor-pages';
import { Button } from './Button';

/** Previous and Next over the API's cursors, with where we are. */
export function Pager({ pages, label }: { pages: CursorPages<unknown>; label: string }) {
  if (!pages.hasPrevious && !pages.hasNext) return null;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <Button size="small" onClick={pages.previous} disabled={!pages.hasPrevious || pages.loading}>
        ← Previous
      </Button>
      <span className="pager__where">Page {pages.pageNumber}</span>
      <Button size="small" onClick={pages.next} disabled={!pages.hasNext || pages.loading}>
        Next →
      </Button>
    </nav>
  );
}

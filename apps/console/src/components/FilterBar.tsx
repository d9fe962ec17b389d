import type { ReactNode } from 'react';

/** The filters above a list, in a row that wraps on a phone. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="filters" role="search" aria-label={label}>
      {children}
    </div>
  );
}

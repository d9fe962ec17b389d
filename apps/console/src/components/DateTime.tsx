import { formatInZone } from '../format/time';

/** An instant in the client's timezone, machine-readable underneath. */
export function DateTime({ iso, timeZone, empty = '—' }: { iso: string | null | undefined; timeZone: string; empty?: string }) {
  if (!iso) return <span className="muted">{empty}</span>;
  return (
    <time dateTime={iso} title={`${iso} (UTC)`}>
      {formatInZone(iso, timeZone)}
    </time>
  );
}

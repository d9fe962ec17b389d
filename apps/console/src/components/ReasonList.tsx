import type { Reason } from '@portal/contracts/http';

/** Why an order is a draft, in the API's words, with the code a filter would use. */
export function ReasonList({ reasons, compact = false }: { reasons: Reason[]; compact?: boolean }) {
  if (reasons.length === 0) return <span className="muted">None</span>;
  return (
    <ul className={`reasons ${compact ? 'reasons--compact' : ''}`}>
      {reasons.map((r) => (
        <li key={r.code} className="reasons__item">
          <span className="reasons__message">{r.message}</span> <code className="reasons__code">{r.code}</code>
        </li>
      ))}
    </ul>
  );
}

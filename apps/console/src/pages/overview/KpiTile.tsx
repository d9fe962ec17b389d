import type { Tone } from '../../format/words';
import { Link } from '../../routing/Link';

/** One number that matters today, and where to act on it. */
export function KpiTile({ label, value, tone, to, hint }: { label: string; value: string; tone: Tone; to: string; hint: string }) {
  return (
    <Link to={to} className={`kpi kpi--${tone}`}>
      <span className="kpi__value">{value}</span>
      <span className="kpi__label">{label}</span>
      <span className="kpi__hint">{hint}</span>
    </Link>
  );
}

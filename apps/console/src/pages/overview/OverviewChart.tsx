import type { OverviewRow } from './overview-rows';

const SERIES = [
  { key: 'ordersPlaced', label: 'Orders placed', words: 'placed', className: 'chart__bar--ok' },
  { key: 'draftsWaiting', label: 'Drafts waiting', words: 'drafts waiting', className: 'chart__bar--warn' },
  { key: 'problems', label: 'Rejected or failed', words: 'rejected or failed', className: 'chart__bar--danger' },
] as const;

const BAR = 14;
const GAP = 4;
// The longest bar leaves room for its number at every width.
const LONGEST = 88;

/**
 * Per client, three bars on one scale: what went well, what waits for a person, what went wrong.
 * Plain SVG sized in percentages, so the numbers stay readable on a phone; the table below carries
 * the same numbers.
 */
export function OverviewChart({ rows }: { rows: OverviewRow[] }) {
  const max = Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => r[s.key])));
  return (
    <figure className="chart">
      <figcaption className="visually-hidden">Orders placed, drafts waiting and events rejected or failed per client in the last 24 hours</figcaption>
      <ul className="chart__legend" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className={`chart__swatch ${s.className}`} /> {s.label}
          </li>
        ))}
        <li>
          <span className="chart__swatch chart__swatch--silent" /> Silent connections
        </li>
      </ul>
      <ul className="chart__rows">
        {rows.map((row) => (
          <li key={row.clientId} className="chart__row">
            <div className="chart__who">
              <span className="chart__name">{row.client.name}</span>
              {row.connections.silent > 0 && (
                <span className="chart__silent">
                  ● {row.connections.silent} silent connection{row.connections.silent === 1 ? '' : 's'}
                </span>
              )}
            </div>
            <svg className="chart__bars" width="100%" height={SERIES.length * (BAR + GAP)} role="img" aria-label={`${row.client.name}: ${SERIES.map((s) => `${row[s.key]} ${s.words}`).join(', ')}`}>
              {SERIES.map((s, i) => {
                const value = row[s.key];
                const percent = value === 0 ? 0 : Math.max(1.5, (value / max) * LONGEST);
                const y = i * (BAR + GAP);
                return (
                  <g key={s.key}>
                    <rect x="0" y={y} width={value === 0 ? 2 : `${percent}%`} height={BAR} rx={3} className={`chart__bar ${s.className}`} />
                    <text x={`${percent}%`} dx={value === 0 ? 8 : 6} y={y + BAR - 3} className="chart__value">
                      {value}
                    </text>
                  </g>
                );
              })}
            </svg>
          </li>
        ))}
      </ul>
    </figure>
  );
}

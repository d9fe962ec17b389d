import type { OverviewRow } from './overview-rows';

const SERIES = [
  { key: 'ordersPlaced', label: 'Orders placed', className: 'chart__bar--ok' },
  { key: 'draftsWaiting', label: 'Drafts waiting', className: 'chart__bar--warn' },
  { key: 'problems', label: 'Rejected or failed', className: 'chart__bar--danger' },
] as const;

const ROW_HEIGHT = 64;
const BAR_HEIGHT = 14;
const LABEL_WIDTH = 190;
const WIDTH = 760;
const VALUE_WIDTH = 40;

/**
 * Per client, three bars on one scale: what went well, what waits for a person, what went wrong.
 * Plain SVG with a text alternative: the table below carries the same numbers.
 */
export function OverviewChart({ rows }: { rows: OverviewRow[] }) {
  const max = Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => r[s.key])));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure className="chart">
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
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Orders placed, drafts waiting and events rejected or failed per client in the last 24 hours">
        {rows.map((row, i) => {
          const top = i * ROW_HEIGHT + 6;
          return (
            <g key={row.clientId} transform={`translate(0 ${top})`}>
              <text x={0} y={20} className="chart__label">
                {row.client.name.length > 24 ? `${row.client.name.slice(0, 23)}…` : row.client.name}
              </text>
              {row.connections.silent > 0 && (
                <text x={0} y={40} className="chart__silent">
                  ● {row.connections.silent} silent connection{row.connections.silent === 1 ? '' : 's'}
                </text>
              )}
              {SERIES.map((s, j) => {
                const value = row[s.key];
                const width = value === 0 ? 2 : Math.max(4, (value / max) * barSpace);
                const y = j * (BAR_HEIGHT + 3);
                return (
                  <g key={s.key}>
                    <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx={3} className={`chart__bar ${s.className}`} />
                    <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT - 3} className="chart__value">
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

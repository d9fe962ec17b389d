const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withZone: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(withZone ? { timeZoneName: 'short' } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

/** An instant as the client reads it: in the client's timezone, with the zone's short name. */
export function formatInZone(iso: string, timeZone: string, withZone = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatter(timeZone, withZone).format(date);
  } catch {
    // A timezone the browser does not know: UTC rather than nothing.
    return `${formatter('UTC', withZone).format(date)}`;
  }
}

/** "5 minutes ago", for how fresh a delivery or key use is. */
export function formatAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds, 'second');
}

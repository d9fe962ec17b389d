/**
 * PostgreSQL cannot store U+0000 in text or jsonb, and a platform resending the same bytes would
 * never get past it: the character carries nothing a courier needs, so it is dropped from every
 * string read from a payload.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll(String.fromCharCode(0), '') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}

const NUL = String.fromCharCode(0);

/**
 * PostgreSQL cannot store U+0000 or an unpaired UTF-16 surrogate (a `"\ud800"` escape is valid JSON
 * but not text) in text or jsonb, and a platform resending the same bytes would never get past
 * them. Neither carries anything a courier needs, so every string read from a payload is made
 * storable: NUL characters are dropped and lone surrogates become U+FFFD, as any UTF-8 encoder
 * would write them. The raw body is kept as bytes, untouched.
 */
export function storableText<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll(NUL, '').toWellFormed() as T;
  if (Array.isArray(value)) return value.map(storableText) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableText(v)])) as T;
  }
  return value;
}

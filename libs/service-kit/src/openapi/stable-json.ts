/** Objects with their keys sorted, arrays as they are: the same document always gives the same bytes. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}

/** JSON as committed under docs/openapi/: sorted keys, two-space indent, a final newline. */
export const stableJson = (value: unknown): string => `${JSON.stringify(sortedKeys(value), null, 2)}\n`;

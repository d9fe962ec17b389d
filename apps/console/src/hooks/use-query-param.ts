import { navigate, useLocation, withQuery } from '../routing/location';

/** A list filter kept in the URL, so a filtered view survives a reload and can be shared. */
export function useQueryParams<K extends string>(names: readonly K[]): [Record<K, string>, (changes: Partial<Record<K, string>>) => void] {
  const { pathname, search } = useLocation();
  const values = Object.fromEntries(names.map((n) => [n, search.get(n) ?? ''])) as Record<K, string>;
  const set = (changes: Partial<Record<K, string>>) => navigate(withQuery(pathname, { ...values, ...changes }), { replace: true });
  return [values, set];
}

import type { Principal } from '@portal/service-kit';

/** A key's tenant narrowed by an optional clientId: its courier and one client, or all the courier's clients (`clientId` null). */
export interface TenantScope {
  courierId: string;
  clientId: string | null;
}

/**
 * What a key may see: its courier's clients, and only its own for a client key. A clientId filter
 * narrows that further and can never widen it: null when it names a client the key cannot see.
 */
export function tenantScope(principal: Principal, clientId?: string): TenantScope | null {
  if (principal.clientId !== null) return clientId && clientId !== principal.clientId ? null : { courierId: principal.courierId, clientId: principal.clientId };
  return { courierId: principal.courierId, clientId: clientId ?? null };
}

/** The rows a key may see, as a MikroORM filter over rows carrying courierId and clientId. */
export function tenantFilter(principal: Principal, clientId?: string): { courierId: string; clientId?: string | { $in: string[] } } {
  const scope = tenantScope(principal, clientId);
  if (scope === null) return { courierId: principal.courierId, clientId: { $in: [] } };
  return { courierId: scope.courierId, ...(scope.clientId !== null ? { clientId: scope.clientId } : {}) };
}

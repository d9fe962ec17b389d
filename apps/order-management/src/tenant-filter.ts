import type { Principal } from '@portal/service-kit';

/**
 * The rows a key may see: its courier's, and only its own client's for a client key. A clientId
 * filter narrows that further and can never widen it.
 */
export function tenantFilter(principal: Principal, clientId?: string): { courierId: string; clientId?: string | { $in: string[] } } {
  if (principal.clientId !== null) {
    return { courierId: principal.courierId, clientId: clientId && clientId !== principal.clientId ? { $in: [] } : principal.clientId };
  }
  return { courierId: principal.courierId, ...(clientId ? { clientId } : {}) };
}

import type { Principal } from '@portal/service-kit';

/** The keys a caller reaches: a courier key, every key of its tenant; a client key, its own client's. */
export const reachableKeys = (principal: Principal) =>
  principal.clientId === null ? { courierId: principal.courierId } : { courierId: principal.courierId, clientId: principal.clientId };

/** Who is calling: a courier key (clientId null) or a key scoped to one of the courier's clients. */
export interface Principal {
  keyId: string;
  courierId: string;
  clientId: string | null;
}

export const isCourier = (p: Principal): boolean => p.clientId === null;

/** Whether the caller may touch data of this client (same courier, and the same client for a client key). */
export const canReachClient = (p: Principal, client: { id: string; courierId: string }): boolean =>
  client.courierId === p.courierId && (p.clientId === null || p.clientId === client.id);

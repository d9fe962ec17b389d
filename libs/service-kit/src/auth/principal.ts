/** Who is calling: a courier key (clientId null) or a key scoped to one of the courier's clients. */
export interface Principal {
  keyId: string;
  courierId: string;
  clientId: string | null;
}

export const isCourier = (p: Principal): boolean => p.clientId === null;


import type { Client, Page, Service } from '@portal/contracts/http';
import { ApiError } from '../api/api-error';
import { apiRequest } from '../api/http';

export type Identity = { role: 'courier' } | { role: 'client'; client: Client };

/**
 * Who a key belongs to. There is no who-am-I endpoint, so the console asks what the key may do,
 * with two reads that change nothing: listing services is courier-only (a client key answers 403,
 * PRODUCT 2.1), and a client key lists exactly one client, its own. A bad key answers 401 to the first.
 */
export async function identify(apiKey: string, signal?: AbortSignal): Promise<Identity> {
  try {
    await apiRequest<Page<Service>>('client-settings', '/v1/services', { apiKey, query: { limit: 1 }, signal });
    return { role: 'courier' };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  const own = await apiRequest<Page<Client>>('client-settings', '/v1/clients', { apiKey, query: { limit: 1 }, signal });
  const client = own.items[0];
  if (!client) throw new ApiError(403, 'NO_CLIENT', 'This client key reaches no client organisation.');
  return { role: 'client', client };
}

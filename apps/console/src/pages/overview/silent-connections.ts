import type { Connection } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { readAllPages } from '../../api/paging';

export interface ConnectionCounts {
  total: number;
  silent: number;
}

/** Per client, how many connections it has and how many went SILENT. */
export async function connectionCounts(clientIds: string[], signal: AbortSignal): Promise<Map<string, ConnectionCounts>> {
  const lists = await Promise.all(
    clientIds.map(async (clientId): Promise<[string, Connection[]]> => [clientId, await readAllPages((cursor, limit) => clientSettingsApi.listConnections(clientId, { cursor, limit, signal }))]),
  );
  return new Map(lists.map(([clientId, connections]) => [clientId, { total: connections.length, silent: connections.filter((c) => c.health === 'SILENT').length }]));
}

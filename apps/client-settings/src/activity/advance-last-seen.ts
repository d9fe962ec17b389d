import type { EntityManager } from '@mikro-orm/postgresql';
import type { Seen } from '@portal/service-kit';
import { SCHEMA } from '../schema';

/**
 * Moves a "last seen" column forward for a batch of rows in one statement: never back (batches from
 * several replicas arrive in any order) and never past now (another host's clock may run ahead).
 * Unknown ids match no row and change nothing.
 */
export async function advanceLastSeen(em: EntityManager, table: 'api_keys' | 'connections', column: 'last_used_at' | 'last_delivery_at', seen: Seen[]): Promise<void> {
  if (seen.length === 0) return;
  await em.execute(
    `update "${SCHEMA}"."${table}" as t
      set "${column}" = greatest(t."${column}", least(x.at, now()))
      from (select id, max(at) as at from jsonb_to_recordset(?::jsonb) as r(id uuid, at timestamptz) group by id) as x
      where t."id" = x.id`,
    [JSON.stringify(seen.map((s) => ({ id: s.id, at: s.at.toISOString() })))],
  );
}

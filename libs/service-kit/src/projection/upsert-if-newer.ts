import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Applies one change to a projection table: insert, or overwrite only when the incoming version is
 * newer. Settings jobs can repeat or arrive out of order; this makes applying them idempotent and
 * order-proof. `row` uses column names and must hold `id` and `version`.
 */
export async function upsertIfNewer(
  em: EntityManager,
  schema: string,
  table: string,
  row: Record<string, unknown> & { id: string; version: number },
): Promise<void> {
  const knex = em.getKnex();
  const values = Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v]),
  );
  await em.execute(
    knex(table).withSchema(schema).insert(values).onConflict('id').merge().where(`${table}.version`, '<', row.version),
  );
}

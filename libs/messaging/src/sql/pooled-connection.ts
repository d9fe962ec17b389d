import type { EntityManager } from '@mikro-orm/postgresql';

/** The part of node-postgres' client the hot paths use. */
export interface PgClient {
  query<R extends object>(query: { text: string; values?: unknown[] }): Promise<{ rows: R[] }>;
  query(text: string): Promise<{ rows: object[] } | { rows: object[] }[]>;
}

interface KnexPoolClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}

/**
 * Runs `work` on a connection of the entity manager's own pool (MikroORM's knex pool), talking
 * node-postgres directly: no query builder between the hot statements and the wire, and several
 * statements may share one round trip.
 */
export async function withPooledConnection<T>(em: EntityManager, work: (client: PgClient) => Promise<T>): Promise<T> {
  const pool = em.getConnection().getKnex().client as KnexPoolClient;
  const client = await pool.acquireConnection();
  try {
    return await work(client);
  } finally {
    await pool.releaseConnection(client);
  }
}

const positional = new Map<string, string>();
const MAX_REMEMBERED = 1000;

/** `?` placeholders (knex's, `\?` for a literal one) as PostgreSQL's `$1, $2, ...`; remembered per text. */
export function positionalSql(sql: string): string {
  let text = positional.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\\\?|\?/g, (match) => (match === '\\?' ? '?' : `$${++n}`));
    if (positional.size >= MAX_REMEMBERED) positional.clear();
    positional.set(sql, text);
  }
  return text;
}

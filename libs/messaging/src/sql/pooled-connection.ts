import type { EntityManager } from '@mikro-orm/postgresql';

/** The part of node-postgres' client the hot paths use. */
export interface PgClient {
  query<R extends object>(query: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: R[] }>;
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

/** A hot statement as node-postgres prepares it: a name of its own, and PostgreSQL's `$n` placeholders. */
export interface PreparedStatement {
  name: string;
  text: string;
}

const prepared = new Map<string, PreparedStatement>();
const MAX_REMEMBERED = 1000;
let named = 0;

/**
 * `?` placeholders (knex's, `\?` for a literal one) as PostgreSQL's `$1, $2, ...`, under a name
 * used for that text only, remembered per text. Named, node-postgres parses a statement once per
 * connection and PostgreSQL keeps its plan: unnamed, every execution was parsed and planned again,
 * which was most of PostgreSQL's time on the intake statements. Names are never reused for another
 * text, also after the memory is cleared, as a connection keeps what it prepared.
 */
export function preparedStatement(sql: string): PreparedStatement {
  let statement = prepared.get(sql);
  if (statement === undefined) {
    let n = 0;
    const text = sql.replace(/\\\?|\?/g, (match) => (match === '\\?' ? '?' : `$${++n}`));
    statement = { name: `portal_${++named}`, text };
    if (prepared.size >= MAX_REMEMBERED) prepared.clear();
    prepared.set(sql, statement);
  }
  return statement;
}

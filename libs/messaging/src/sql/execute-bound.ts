import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedStatement, withPooledConnection } from './pooled-connection';

/** JSON for objects and arrays (PostgreSQL would read a bound array as an array literal); NULL for undefined. */
function bindable(value: unknown): Knex.Value {
  if (value === undefined) return null;
  if (value === null || value instanceof Date || Buffer.isBuffer(value)) return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value as string | number | boolean;
  return JSON.stringify(value);
}

/**
 * Runs a hand-written hot-path statement with its parameters bound by PostgreSQL, inside the entity
 * manager's transaction when it has one. MikroORM's `execute` inlines every parameter into the SQL
 * text, escaping whole JSON rows character by character: in the intake profiles that formatting
 * was the largest ORM cost per event. Outside a transaction the statement goes to node-postgres on
 * a pooled connection as a prepared statement, past knex's query building too. Errors are converted
 * as `execute` converts them.
 */
export async function executeBound<R extends object>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<R[]> {
  const values = params.map(bindable);
  const transaction = em.getTransactionContext();
  try {
    if (!transaction) return await withPooledConnection(em, async (client) => (await client.query<R>({ ...preparedStatement(sql), values })).rows);
    const result: { rows: R[] } = await em.getConnection().getKnex().raw(sql, values).transacting(transaction);
    return result.rows;
  } catch (error) {
    // Not `instanceof Error`: errors made by Node's internals fail that test under Jest's sandbox.
    throw em.getDriver().convertException(error as Error);
  }
}

import { MikroORM } from '@mikro-orm/core';
import type { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Client } from 'pg';

interface PgConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
}

/**
 * Applies the app's committed migrations before it serves anything. Replicas starting together take
 * turns through a PostgreSQL advisory lock keyed by the schema name, held on its own connection.
 */
export async function migrate(options: Options<PostgreSqlDriver>): Promise<string[]> {
  const schema = options.schema;
  if (!schema) throw new Error('Each app migrates its own schema: set `schema` in its ORM options.');
  const lock = new Client({ connectionString: options.clientUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await lock.query(`create schema if not exists "${schema}"`);
    const orm = await MikroORM.init<PostgreSqlDriver>({
      ...options,
      extensions: [Migrator],
      pool: {
        min: 0,
        max: 2,
        // Migrations write plain table names: they land in the app's own schema.
        afterCreate: (connection: PgConnection, done: (error: Error | null, connection: PgConnection) => void) =>
          connection.query(`set search_path to "${schema}"`, (error) => done(error, connection)),
      },
    });
    try {
      const applied = await orm.getMigrator().up();
      return applied.map((m) => m.name);
    } finally {
      await orm.close(true);
    }
  } finally {
    await lock.end();
  }
}

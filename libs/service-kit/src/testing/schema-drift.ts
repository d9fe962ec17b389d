import { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { migrate } from '../database/migrate';
import type { ServiceDefinition } from '../http/run-service';
import { testConfig } from './service-under-test';
import { createTestDatabase } from '@portal/test-database';

/**
 * The SQL MikroORM would run to make a freshly migrated schema match the app's entities: empty
 * when the committed migrations build exactly what the entities describe. `safe: false` and
 * `dropTables: true` so what the migrations made and no entity declares (a table, a column, an
 * index, a check, a foreign key) shows too; `wrap: false` so agreement is an empty string; `schema`
 * limits the comparison to the app's own schema.
 */
export async function schemaDrift<C>(definition: ServiceDefinition<C>): Promise<string> {
  const db = await createTestDatabase('drift');
  try {
    const options = definition.ormOptions(testConfig(definition, { databaseUrl: db.url }));
    await migrate(options);
    const orm = await MikroORM.init<PostgreSqlDriver>({ ...options, pool: { min: 0, max: 1 } });
    try {
      const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ schema: options.schema, safe: false, dropTables: true, wrap: false });
      return sql.trim();
    } finally {
      await orm.close(true);
    }
  } finally {
    await db.drop();
  }
}

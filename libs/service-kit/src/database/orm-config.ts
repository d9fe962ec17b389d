import type { MigrationObject, Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';

export interface OrmConfigInput {
  databaseUrl: string;
  /** The app's own PostgreSQL schema: apps share no tables (ARCHITECTURE 4). */
  schema: string;
  entities: EntityClass<unknown>[];
  migrations: MigrationObject[];
  poolMax: number;
}

export function ormConfig(input: OrmConfigInput): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: input.databaseUrl,
    schema: input.schema,
    entities: input.entities,
    // Entities declare their column types, so no TypeScript metadata is needed at run time.
    discovery: { requireEntitiesArray: true },
    migrations: {
      // Committed migrations are listed in code: nothing is read from disk at run time.
      migrationsList: input.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      // The caller reports what was applied, in the app's own log format.
      silent: true,
    },
    pool: { min: 0, max: input.poolMax },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
  };
}

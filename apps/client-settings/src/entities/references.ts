import type { EntityClass } from '@mikro-orm/core';

/**
 * A foreign key as the migrations declare it (`"<column>" uuid references "<table>" ("id")`: no ON
 * DELETE or ON UPDATE action, PostgreSQL's own constraint name), on a property that stays a plain
 * id: `mapToPk` keeps the value a uuid string, so entities hold ids rather than relations while
 * MikroORM still knows the constraint exists and the schema check can compare it.
 */
export const references = <T>(table: string, column: string, entity: () => EntityClass<T>) =>
  ({ entity, fieldName: column, foreignKeyName: `${table}_${column}_fkey`, mapToPk: true, deleteRule: 'no action', updateRule: 'no action' }) as const;

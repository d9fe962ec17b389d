import type { EntityClass, MikroORM } from '@mikro-orm/core';

/**
 * A table as its entity describes it, for the few statements written by hand because one SQL
 * statement beats the ORM's several. Rows travel as one JSON object keyed by column name, built
 * from MikroORM's metadata and expanded in SQL with `jsonb_populate_record`, so no statement lists
 * the columns and no column list is ever copied.
 */
export class EntityTable<E extends object> {
  /** `"schema"."table"` */
  readonly name: string;
  private readonly fields: { property: keyof E & string; column: string }[];

  constructor(orm: MikroORM, entity: EntityClass<E>) {
    const meta = orm.getMetadata().get<E>(entity.name);
    this.name = `"${meta.schema ?? orm.config.get('schema')}"."${meta.tableName}"`;
    this.fields = meta.props
      .filter((p) => p.persist !== false && p.fieldNames?.length === 1)
      .map((p) => ({ property: p.name as keyof E & string, column: p.fieldNames[0] }));
  }

  /** The entity as a row: column name to value (dates and JSON columns serialise with the object). */
  row(entity: E): Record<string, unknown> {
    return Object.fromEntries(this.fields.map((f) => [f.column, entity[f.property] ?? null]));
  }

  /** `insert into <table> select * from jsonb_populate_record(...)` over a row expression (a JSON parameter by default). */
  insertFrom(rowExpression = '?::jsonb'): string {
    return `insert into ${this.name} select * from jsonb_populate_record(null::${this.name}, ${rowExpression})`;
  }

  /** The quoted column of a property. */
  column(property: keyof E & string): string {
    const field = this.fields.find((f) => f.property === property);
    if (!field) throw new Error(`${this.name} has no column for ${property}`);
    return `"${field.column}"`;
  }
}

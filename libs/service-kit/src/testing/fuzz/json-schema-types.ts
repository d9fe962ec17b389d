import type { JsonSchema } from './openapi-operations';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

const typeOf = (value: unknown): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : (typeof value as JsonType);

/**
 * The JSON types a schema accepts, or 'any' when it cannot tell (an empty schema, `allOf`): the fuzz
 * only sends a "wrong type" where the schema plainly refuses it.
 */
export function acceptedTypes(schema: JsonSchema): Set<JsonType> | 'any' {
  if (schema.allOf) return 'any';
  const union = schema.oneOf ?? schema.anyOf;
  if (union) {
    const all = new Set<JsonType>();
    for (const option of union) {
      const types = acceptedTypes(option);
      if (types === 'any') return 'any';
      types.forEach((t) => all.add(t));
    }
    if (schema.nullable) all.add('null');
    return all;
  }
  let types: Set<JsonType>;
  if (schema.enum) types = new Set(schema.enum.map(typeOf));
  else if (schema.const !== undefined) types = new Set([typeOf(schema.const)]);
  else if (schema.type) types = new Set((Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonType[]);
  else return 'any';
  if (schema.nullable) types.add('null');
  if (types.has('number')) types.add('integer');
  return types;
}

/** A field of a request body: where it is, and its schema. Array items are addressed as index 0. */
export interface SchemaField {
  path: (string | number)[];
  schema: JsonSchema;
}

/** Every field of a body schema, the body itself first, down to `maxDepth` (unions are fields, not walked into). */
export function schemaFields(root: JsonSchema, maxDepth = 8): SchemaField[] {
  const fields: SchemaField[] = [];
  const visit = (schema: JsonSchema, path: (string | number)[]): void => {
    fields.push({ path, schema });
    if (path.length >= maxDepth || schema.oneOf || schema.anyOf || schema.allOf) return;
    for (const [key, child] of Object.entries(schema.properties ?? {})) visit(child, [...path, key]);
    const item = schema.prefixItems?.[0] ?? (typeof schema.items === 'object' ? schema.items : undefined);
    if (item) visit(item, [...path, 0]);
  };
  visit(root, []);
  return fields;
}

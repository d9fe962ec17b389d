/** The part of a JSON Schema (as nestjs-zod writes OpenAPI) the fuzz reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  maximum?: number;
}

export interface OperationParameter {
  name: string;
  in: 'path' | 'query';
  schema: JsonSchema;
}

/** One method on one path of an app's OpenAPI document, with its schemas resolved. */
export interface Operation {
  method: string;
  /** As documented, with `{name}` placeholders. */
  path: string;
  parameters: OperationParameter[];
  /** The JSON request body's schema, or null when the operation documents none. */
  body: JsonSchema | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

/** Replaces every `$ref` by the component it names (component schemas of zod DTOs do not recurse). */
function resolve(schema: JsonSchema, components: Record<string, JsonSchema>, seen: string[] = []): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return {};
    return resolve(components[name] ?? {}, components, [...seen, name]);
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, components, seen)]));
  if (schema.items && typeof schema.items === 'object') out.items = resolve(schema.items, components, seen);
  for (const key of ['prefixItems', 'oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (list) out[key] = list.map((s) => resolve(s, components, seen));
  }
  return out;
}

/**
 * Every operation an app documents, read from its own `/docs/json`: an endpoint added later is
 * fuzzed without anyone editing a test.
 */
export async function openApiOperations(baseUrl: string): Promise<Operation[]> {
  const res = await fetch(new URL('/docs/json', baseUrl));
  if (res.status !== 200) throw new Error(`GET /docs/json answered ${res.status}`);
  const doc = (await res.json()) as OpenApiDocument;
  const components = doc.components?.schemas ?? {};
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!METHODS.has(method)) continue;
      const body = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? [])
          .filter((p): p is { name: string; in: 'path' | 'query'; schema?: JsonSchema } => p.in === 'path' || p.in === 'query')
          .map((p) => ({ name: p.name, in: p.in, schema: resolve(p.schema ?? {}, components) })),
        body: body ? resolve(body, components) : null,
      });
    }
  }
  return operations;
}

import fc from 'fast-check';
import { isLosslessNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { randomUUID } from 'node:crypto';
import type { RawRequest } from '../http-answers';
import { acceptedTypes, schemaFields, type JsonType, type SchemaField } from './json-schema-types';
import {
  BAD_PATH_VALUES,
  BAD_QUERY_STRINGS,
  BAD_QUERY_VALUES,
  DEEP_BODIES,
  DEEP_VALUE,
  HUGE_STRING,
  JUNK,
  MALFORMED_BODIES,
  PROTOTYPE_BODIES,
  WRONG_CONTENT_TYPES,
} from './junk';
import type { JsonSchema, Operation } from './openapi-operations';

/** What a spec tells the fuzz about one operation. */
export interface FuzzTarget {
  /** Ids that exist (and the key reaches), by path parameter name; any other gets a UUID nothing has. */
  pathValues?: Record<string, string>;
  /**
   * A JSON document the endpoint refuses as it is (or, unsigned, whatever it holds): body cases
   * mutate it instead of building bodies from the documented schema. For endpoints that document
   * no schema, such as webhooks.
   */
  document?: string;
  /** Headers every request carries (a key, or a signature over the final body); never the content type. */
  headers(body: Buffer | undefined): Record<string, string>;
}

export interface FuzzCase {
  label: string;
  request: RawRequest;
}

const MARKER = '__FUZZ_JUNK__';
const JSON_TYPE = 'application/json';
/** Over the 1 MiB default body limit: must be a 413, read by no one. */
const OVERSIZED = `{"a":"${'x'.repeat(1_100_000)}"}`;

/** Bytes as they travel in a URL: every byte escaped, so nothing can be taken for a separator. */
const escapeBytes = (bytes: Uint8Array): string => Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

/** A body with `junkText` at `path`, as JSON text; with `duplicate`, the field appears twice and the junk comes last. */
function placeJunk(container: unknown, path: (string | number)[], junkText: string, serialise: (v: unknown) => string, duplicate = false): string {
  if (path.length === 0) return junkText;
  const root = container;
  let node = root as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path[path.length - 1]] = MARKER;
  const key = path[path.length - 1];
  const replacement = duplicate && typeof key === 'string' ? `"x",${JSON.stringify(key)}:${junkText}` : junkText;
  return serialise(root).replace(JSON.stringify(MARKER), () => replacement);
}

/** The smallest body that reaches `path`: the containers along it and nothing else. */
function skeleton(path: (string | number)[]): unknown {
  if (path.length === 0) return null;
  const root: unknown = typeof path[0] === 'number' ? [] : {};
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const child = typeof path[i + 1] === 'number' ? [] : {};
    node[path[i]] = child;
    node = child as Record<string | number, unknown>;
  }
  return root;
}

/** Every node of a document with its path (objects, arrays and values alike). */
function documentPaths(document: unknown): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (value === null || typeof value !== 'object' || isLosslessNumber(value)) return;
    for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) visit(child, [...path, key]);
  };
  visit(document, []);
  return paths;
}

/** A value of each JSON type the schema refuses, drawn at random (the draw cannot make it valid). */
function randomWrongValue(types: Set<JsonType>): fc.Arbitrary<string> | null {
  const options: fc.Arbitrary<string>[] = [];
  if (!types.has('string')) options.push(fc.string({ maxLength: 40 }).map((s) => JSON.stringify(s)));
  if (!types.has('integer')) options.push(fc.integer().map(String));
  if (!types.has('number')) options.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)).map(String));
  if (!types.has('boolean')) options.push(fc.boolean().map(String));
  if (!types.has('null')) options.push(fc.constant('null'));
  if (!types.has('array')) options.push(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }).map((v) => JSON.stringify(v)));
  if (!types.has('object')) options.push(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((v) => JSON.stringify(v)));
  return options.length > 0 ? fc.oneof(...options) : null;
}

/** Text PostgreSQL cannot store, at random: a NUL or a lone surrogate somewhere in a random string. */
const unstorableString = fc
  .tuple(fc.string({ maxLength: 30 }), fc.constantFrom('\\u0000', '\\ud800', '\\udbff', '\\udc00', '\\udfff'), fc.string({ maxLength: 30 }))
  .map(([a, bad, b]) => `${JSON.stringify(a).slice(0, -1)}${bad}${JSON.stringify(b).slice(1)}`);

/**
 * The bad requests for one operation, from its OpenAPI description: a fixed catalogue (malformed
 * JSON, 10,000-level nesting, prototype keys, wrong content types, an oversized body, every field
 * given each kind of value it refuses, NUL bytes, lone surrogates, duplicate keys, numbers beyond
 * 2^63, huge strings, bad path parameters and query strings) plus `randomRuns` drawn from `seed`.
 *
 * Nothing here may change state, by construction: a case either cannot reach a handler (the body
 * reader refuses it), carries a defect the endpoint's validation must refuse, or names ids that do
 * not exist. Ids that exist are used only in the first two kinds, or in GETs.
 */
export function badRequests(op: Operation, target: FuzzTarget, seed: number, randomRuns: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const takesBody = op.method !== 'GET';
  const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const nowhere = (): string => randomUUID();
  const real = (name: string): string => target.pathValues?.[name] ?? nowhere();
  const url = (values: (name: string) => string, query = ''): string =>
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values(name)) + (query ? `?${query}` : '');
  const add = (label: string, path: string, body?: string | Buffer, contentType: string | null = JSON_TYPE): void => {
    const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const headers = { ...(bytes !== undefined && contentType !== null ? { 'content-type': contentType } : {}), ...target.headers(bytes) };
    cases.push({ label: `${op.method} ${op.path}: ${label}`, request: { method: op.method, path, headers, body: bytes } });
  };
  const random = <T>(arbitrary: fc.Arbitrary<T>, runs: number, salt: number): T[] => (runs > 0 ? fc.sample(arbitrary, { seed: seed + salt, numRuns: runs }) : []);

  // The body the validation refuses as a whole, for cases about something else (a query, a path).
  const rootTypes = op.body ? acceptedTypes(op.body) : 'any';
  const refusedBody = target.document ?? (rootTypes !== 'any' ? JUNK.find((j) => op.body && j.refusedBy(op.body))?.text : undefined);
  // Where a request may reach its handler, ids that exist only come with a body it must refuse.
  const handlerIds = (name: string): string => (!takesBody || refusedBody !== undefined ? real(name) : nowhere());

  // 1. Bodies no reader accepts: safe with ids that exist.
  if (takesBody) {
    for (const { label, body } of [...MALFORMED_BODIES, ...DEEP_BODIES, ...PROTOTYPE_BODIES]) add(label, url(real), body);
    add('a body over the size limit', url(real), OVERSIZED);
    // A JSON API answers these 415 before any handler; a webhook's adapter refuses them itself.
    for (const { label, contentType, body } of WRONG_CONTENT_TYPES) add(`content type ${label}`, url(real), body, contentType);
  } else {
    // A body on a GET is read by no one, and must not break anything either.
    for (const { label, body } of [...DEEP_BODIES.slice(0, 1), ...MALFORMED_BODIES.slice(1, 2)]) add(`a GET with ${label}`, url(real), body);
  }

  // 2. Fields given what they refuse.
  if (takesBody && (op.body || target.document)) {
    const fieldCases = fieldProbes(op.body, target.document, seed);
    for (const probe of fieldCases) add(probe.label, url(real), probe.body);
    const fields = op.body ? schemaFields(op.body) : [];
    for (const [i, body] of random(randomFieldBody(fields, target.document), randomRuns, 1).entries()) add(`random field value #${i}`, url(real), body);
  } else if (takesBody) {
    // Nothing documented to refuse: ids that exist nowhere, so whatever the handler does, it finds nothing.
    for (const junk of JUNK.slice(0, 8)) add(`an undocumented body of ${junk.label}`, url(nowhere), junk.text);
  }

  // 3. Path parameters no resource has.
  for (const name of pathParams) {
    const others = (n: string): string => (n === name ? '' : handlerIds(n));
    const values = [...BAD_PATH_VALUES, ...random(fc.uint8Array({ minLength: 1, maxLength: 24 }).map(escapeBytes), randomRuns, 2)];
    for (const value of values) add(`${name} = ${value.slice(0, 40)}`, url((n) => (n === name ? value : others(n))), takesBody ? refusedBody : undefined);
  }

  // 4. Query strings: every documented parameter given what it refuses, and some it never asked for.
  if (!takesBody || refusedBody !== undefined || pathParams.length > 0) {
    const ids = takesBody && refusedBody === undefined ? nowhere : handlerIds;
    const queryValues = [...BAD_QUERY_VALUES, ...random(fc.uint8Array({ minLength: 0, maxLength: 24 }).map(escapeBytes), randomRuns, 3)];
    // With none documented, one it never asked for: unknown parameters must be harmless too.
    for (const param of queryParams.length > 0 ? queryParams : [{ name: 'unexpected' }]) {
      for (const value of queryValues) add(`?${param.name}=${value.slice(0, 40)}`, url(ids, `${encodeURIComponent(param.name)}=${value}`), takesBody ? refusedBody : undefined);
    }
    for (const query of BAD_QUERY_STRINGS) add(`?${query.slice(0, 40)}`, url(ids, query), takesBody ? refusedBody : undefined);
  }
  return cases;
}

/** Each field of the body given each kind of value it refuses, as a duplicate key too, and some huge strings and deep values. */
function fieldProbes(schema: JsonSchema | null, document: string | undefined, seed: number): { label: string; body: string }[] {
  const probes: { label: string; body: string }[] = [];
  if (document !== undefined) {
    // A document refused as a whole: any value anywhere keeps it refused. Each node gets two kinds
    // of junk drawn from the seed, so the run stays short on a large platform payload.
    const paths = documentPaths(parseLossless(document));
    const draws = fc.sample(fc.tuple(fc.nat(JUNK.length - 1), fc.nat(JUNK.length - 1), fc.boolean()), { seed, numRuns: paths.length });
    paths.forEach((path, i) => {
      const [a, b, duplicate] = draws[i];
      for (const junk of [JUNK[a], JUNK[b]]) {
        probes.push({ label: `${path.join('.') || '(body)'} = ${junk.label}${duplicate ? ' (duplicated key)' : ''}`, body: placeJunk(parseLossless(document), path, junk.text, stringifyLossless as (v: unknown) => string, duplicate) });
      }
    });
    for (const path of fc.sample(fc.constantFrom(...paths), { seed: seed + 7, numRuns: 3 })) {
      probes.push({ label: `${path.join('.')} = ${HUGE_STRING.label}`, body: placeJunk(parseLossless(document), path, HUGE_STRING.text, stringifyLossless as (v: unknown) => string) });
      probes.push({ label: `${path.join('.')} = 10,000 nested arrays`, body: placeJunk(parseLossless(document), path, DEEP_VALUE, stringifyLossless as (v: unknown) => string) });
    }
    return probes;
  }
  if (!schema) return probes;
  const fields = schemaFields(schema);
  const duplicateDraws = fc.sample(fc.nat(), { seed: seed + 5, numRuns: fields.length });
  fields.forEach(({ path, schema: fieldSchema }, i) => {
    const where = path.join('.') || '(body)';
    const refused = JUNK.filter((j) => j.refusedBy(fieldSchema));
    for (const junk of refused) probes.push({ label: `${where} = ${junk.label}`, body: placeJunk(skeleton(path), path, junk.text, JSON.stringify) });
    // The key twice, the refused value last (JSON.parse keeps the last): one drawn kind per field.
    if (refused.length > 0 && typeof path[path.length - 1] === 'string') {
      const junk = refused[duplicateDraws[i] % refused.length];
      probes.push({ label: `${where} = ${junk.label}, after a first ${where}`, body: placeJunk(skeleton(path), path, junk.text, JSON.stringify, true) });
    }
  });
  const hugeTargets = fields.filter((f) => f.path.length > 0 && HUGE_STRING.refusedBy(f.schema));
  if (hugeTargets.length > 0) {
    for (const { path } of fc.sample(fc.constantFrom(...hugeTargets), { seed: seed + 7, numRuns: Math.min(3, hugeTargets.length) })) {
      probes.push({ label: `${path.join('.')} = ${HUGE_STRING.label}`, body: placeJunk(skeleton(path), path, HUGE_STRING.text, JSON.stringify) });
    }
  }
  for (const { path } of fields.filter((f) => f.path.length > 0).slice(0, 3)) {
    probes.push({ label: `${path.join('.')} = 10,000 nested arrays`, body: placeJunk(skeleton(path), path, DEEP_VALUE, JSON.stringify) });
  }
  return probes;
}

/** A random field given a random value it refuses: a wrong type, or text that cannot be stored. */
function randomFieldBody(fields: SchemaField[], document: string | undefined): fc.Arbitrary<string> {
  if (document !== undefined) {
    const paths = documentPaths(parseLossless(document));
    return fc
      .tuple(fc.constantFrom(...paths), fc.oneof(unstorableString, fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v))))
      .map(([path, text]) => placeJunk(parseLossless(document), path, text, stringifyLossless as (v: unknown) => string));
  }
  const candidates = fields
    .map((field) => {
      const types = acceptedTypes(field.schema);
      if (types === 'any') return null;
      const wrong = randomWrongValue(types);
      return { field, value: wrong ? fc.oneof(unstorableString, wrong) : unstorableString };
    })
    .filter((c): c is { field: SchemaField; value: fc.Arbitrary<string> } => c !== null);
  if (candidates.length === 0) return fc.constant(MALFORMED_BODIES[1].body as string);
  return fc.oneof(...candidates.map(({ field, value }) => value.map((text) => placeJunk(skeleton(field.path), field.path, text, JSON.stringify))));
}


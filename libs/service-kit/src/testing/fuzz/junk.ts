import { acceptedTypes, type JsonType } from './json-schema-types';
import type { JsonSchema } from './openapi-operations';

/** A bad value for a field, as JSON text (so it can be a number no JavaScript number holds). */
export interface Junk {
  label: string;
  text: string;
  /** Whether a field with this schema refuses the value for sure. */
  refusedBy(schema: JsonSchema): boolean;
}

export const HUGE_STRING_LENGTH = 600_000;
const TWO_POW_63 = 9_223_372_036_854_775_808;

const refusesType = (schema: JsonSchema, type: JsonType): boolean => {
  const types = acceptedTypes(schema);
  return types !== 'any' && !types.has(type);
};

const ofType = (label: string, text: string, type: JsonType): Junk => ({ label, text, refusedBy: (s) => refusesType(s, type) });

/** Beyond what a JavaScript number holds exactly: refused by integer fields, by fields with a smaller maximum, and by non-numeric ones. */
const hugeNumber = (label: string, text: string): Junk => ({
  label,
  text,
  refusedBy: (s) => refusesType(s, 'number') || (s.maximum !== undefined && s.maximum < TWO_POW_63),
});

/** Refused everywhere by a JSON API's body reader (PostgreSQL cannot store it), whatever the field. */
const unstorable = (label: string, text: string): Junk => ({ label, text, refusedBy: (s) => acceptedTypes(s) !== 'any' });

export const JUNK: Junk[] = [
  ofType('a string', '"x"', 'string'),
  ofType('a fraction', '-1.5', 'number'),
  ofType('an integer', '7', 'integer'),
  ofType('a boolean', 'true', 'boolean'),
  ofType('null', 'null', 'null'),
  ofType('an object', '{}', 'object'),
  ofType('an array', '[]', 'array'),
  ofType('an array of junk', '[null,{"a":[]},"\\u0000"]', 'array'),
  unstorable('a NUL character', '"a\\u0000b"'),
  unstorable('a lone high surrogate', '"x\\ud800"'),
  unstorable('a lone low surrogate', '"\\udc00x"'),
  hugeNumber('2^63', '9223372036854775808'),
  hugeNumber('-(2^63)-1', '-9223372036854775809'),
  hugeNumber('a 30-digit integer', '123456789012345678901234567890'),
  // JSON.parse reads it as Infinity, which no number field takes (and no other field either).
  { label: '1e400', text: '1e400', refusedBy: (s) => acceptedTypes(s) !== 'any' },
  {
    label: 'an empty string',
    text: '""',
    refusedBy: (s) => refusesType(s, 'string') || (s.minLength ?? 0) >= 1 || (s.enum !== undefined && !s.enum.includes('')),
  },
];

/** 600,000 characters: within the body limit, beyond any field's. */
export const HUGE_STRING: Junk = {
  label: `a ${HUGE_STRING_LENGTH}-character string`,
  text: JSON.stringify('x'.repeat(HUGE_STRING_LENGTH)),
  refusedBy: (s) => refusesType(s, 'string') || (s.maxLength ?? Infinity) < HUGE_STRING_LENGTH || s.enum !== undefined || s.pattern !== undefined || s.format !== undefined,
};

/** Bodies no JSON reader accepts. */
export const MALFORMED_BODIES: { label: string; body: string | Buffer }[] = [
  { label: 'an empty body', body: '' },
  { label: 'an unclosed object', body: '{"a":' },
  { label: 'single quotes', body: "{'a':1}" },
  { label: 'a trailing comma', body: '[1,]' },
  { label: 'NaN', body: '{"a":NaN}' },
  { label: 'trailing garbage', body: '{"a":1} garbage' },
  { label: 'a bare word', body: 'undefined' },
  { label: 'an unescaped control character', body: '{"a":"line\nbreak"}' },
  { label: 'a bad escape', body: '{"a":"\\x41"}' },
  { label: 'invalid UTF-8 bytes', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]) },
  { label: 'a raw NUL byte', body: Buffer.from([0x7b, 0x00, 0x7d]) },
];

const DEEP = 10_000;
export const DEEP_BODIES: { label: string; body: string }[] = [
  { label: `${DEEP} nested arrays`, body: '['.repeat(DEEP) + ']'.repeat(DEEP) },
  { label: `${DEEP} nested objects`, body: '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP) },
  { label: `${DEEP} nested arrays, unclosed`, body: '['.repeat(DEEP) },
];
/** A value nested 10,000 levels, to put in a field. */
export const DEEP_VALUE = '['.repeat(DEEP) + ']'.repeat(DEEP);

export const PROTOTYPE_BODIES: { label: string; body: string }[] = [
  { label: '__proto__ at the top', body: '{"__proto__":{"polluted":true}}' },
  { label: '__proto__ nested', body: '{"a":{"b":[{"__proto__":{"polluted":true}}]}}' },
  { label: '__proto__ escaped', body: '{"\\u005f_proto__":{"polluted":true}}' },
  { label: 'constructor.prototype', body: '{"constructor":{"prototype":{"polluted":true}}}' },
  { label: 'constructor.prototype nested', body: '{"a":{"constructor":{"prototype":{"polluted":true}}}}' },
];

export const WRONG_CONTENT_TYPES: { label: string; contentType: string | null; body: string }[] = [
  { label: 'text/plain', contentType: 'text/plain', body: '{"name":"x"}' },
  { label: 'a form', contentType: 'application/x-www-form-urlencoded', body: 'name=x&__proto__[polluted]=1' },
  { label: 'XML', contentType: 'application/xml', body: '<name>x</name>' },
  { label: 'multipart', contentType: 'multipart/form-data; boundary=zzz', body: '--zzz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--zzz--' },
  { label: 'no content type', contentType: null, body: '{"name":"x"}' },
  { label: 'a content type that is not one', contentType: ';;;', body: '{"name":"x"}' },
];

/** Path segments no resource has (every one percent-encoded as it would be on the wire). */
export const BAD_PATH_VALUES: string[] = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
  '%00',
  '%ED%A0%80',
  '%FF%FE',
  '%',
  '%zz',
  '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '%27%20OR%201%3D1--',
  'a'.repeat(10_000),
  '9223372036854775808',
  '-1',
  '__proto__',
  'constructor',
  '%F0%9F%8C%B7',
  '%20',
];

/** Query values no parameter takes as they are (percent-encoded). */
export const BAD_QUERY_VALUES: string[] = [
  'abc',
  '-1',
  '0',
  '1.5',
  '9223372036854775808',
  '1e400',
  'NaN',
  '%00',
  '%ED%A0%80',
  '%',
  '%zz',
  'a'.repeat(5_000),
  'NOPE',
  '%27%20OR%201%3D1--',
];

/** Whole query strings, appended as they are. */
export const BAD_QUERY_STRINGS: string[] = [
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  'limit=1&limit=2&limit=abc',
  'cursor[]=a&cursor[]=b',
  'status[$ne]=x',
  '%00=%00',
  '&&&==&',
  `${'p'.repeat(2_000)}=1`,
];

import { jsonDepthExceeds, MAX_JSON_DEPTH, prototypeKeyPath, unstorableText } from './json-limits';

describe('jsonDepthExceeds', () => {
  it('counts nesting of arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonDepthExceeds(`{"a":"${'['.repeat(1000)}"}`)).toBe(false);
    expect(jsonDepthExceeds(`{"a":"\\"${'{'.repeat(1000)}"}`)).toBe(false);
  });

  it('refuses 10,000 levels of either kind without parsing them', () => {
    let nested = '1';
    for (let i = 0; i < 10_000; i++) nested = `{"a":${nested}}`;
    expect(jsonDepthExceeds(nested)).toBe(true);
    expect(jsonDepthExceeds('['.repeat(10_000))).toBe(true);
  });
});

describe('prototypeKeyPath', () => {
  it('finds __proto__ and constructor.prototype at any depth', () => {
    expect(prototypeKeyPath(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toBe('a.__proto__');
    expect(prototypeKeyPath(JSON.parse('[{"constructor":{"prototype":{"x":1}}}]'))).toBe('0.constructor.prototype');
    expect(prototypeKeyPath({ constructor: 'a name', proto: 1 })).toBeNull();
  });
});

describe('unstorableText', () => {
  it('names every field and key holding a NUL or an unpaired surrogate', () => {
    const value = JSON.parse('{"name":"a\\u0000b","tags":["ok","\\ud800"],"\\udc00":1,"pair":"\\ud83d\\ude00"}');
    expect(unstorableText(value).map((d) => d.path)).toEqual(['\udc00', 'name', 'tags.1']);
  });

  it('gives the whole path of a deep field, through objects and arrays, and stops at the limit', () => {
    const value = JSON.parse('{"order":{"lines":[{"sku":"a"},{"sku":"b\\u0000"}],"notes":"\\u0000"},"x":"\\u0000"}');
    expect(unstorableText(value).map((d) => d.path)).toEqual(['x', 'order.notes', 'order.lines.1.sku']);
    expect(unstorableText(value, 1).map((d) => d.path)).toEqual(['x']);
    expect(unstorableText('a\u0000').map((d) => d.path)).toEqual(['(body)']);
  });
});

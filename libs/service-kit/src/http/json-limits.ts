import type { ErrorDetail } from '@portal/contracts';

/**
 * Deeper than any body of the contract (a service area polygon, the deepest, nests 5 levels; a
 * Shopify order about 6). Code that walks a value recursively (JSON.stringify, zod, loggers) may
 * overflow the stack on a body nested 10,000 levels; refusing it while it is still text means
 * nothing recursive ever sees it.
 */
export const MAX_JSON_DEPTH = 64;

/** How deep the text nests, counted without parsing (brackets inside strings do not count); stops once past `limit`. */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** A value met on the walk, with the way back to the root: paths are built only for what is reported. */
type Walked = { value: unknown; parent: Walked | null; key: string };

/** Every value under `root`, breadth first and without recursion. */
function* walk(root: unknown): Generator<Walked> {
  const queue: Walked[] = [{ value: root, parent: null, key: '' }];
  for (let i = 0; i < queue.length; i++) {
    const next = queue[i];
    yield next;
    if (next.value !== null && typeof next.value === 'object') {
      for (const [key, child] of Object.entries(next.value)) queue.push({ value: child, parent: next, key });
    }
  }
}

function pathOf(walked: Walked): string[] {
  const path: string[] = [];
  for (let node: Walked | null = walked; node?.parent; node = node.parent) path.push(node.key);
  return path.reverse();
}

const pathText = (path: string[]): string => path.join('.') || '(body)';

/**
 * A key that would reach an object's prototype if a merge or assignment ever copied it
 * (`__proto__`, or `constructor` holding a `prototype`): JSON from a client has no business with
 * them. Returns where the first one is, or null.
 */
export function prototypeKeyPath(root: unknown): string | null {
  for (const walked of walk(root)) {
    const { value } = walked;
    if (value === null || typeof value !== 'object') continue;
    if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return pathText([...pathOf(walked), '__proto__']);
    const ctor: unknown = Object.prototype.hasOwnProperty.call(value, 'constructor') ? (value as { constructor: unknown }).constructor : undefined;
    if (ctor !== null && typeof ctor === 'object' && Object.prototype.hasOwnProperty.call(ctor, 'prototype')) return pathText([...pathOf(walked), 'constructor', 'prototype']);
  }
  return null;
}

const NUL = String.fromCharCode(0);

/** Why PostgreSQL cannot store this text (text and jsonb refuse U+0000 and unpaired UTF-16 surrogates), or null. */
export function unstorableReason(text: string): string | null {
  if (text.includes(NUL)) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (!text.isWellFormed()) return 'contains an unpaired UTF-16 surrogate (such as \\ud800), which is not text and cannot be stored';
  return null;
}

/** Every key and string value PostgreSQL could not store, with its path (at most `max`). */
export function unstorableText(root: unknown, max = 20): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const walked of walk(root)) {
    if (details.length >= max) break;
    const { value } = walked;
    if (typeof value === 'string') {
      const reason = unstorableReason(value);
      if (reason) details.push({ path: pathText(pathOf(walked)), message: reason });
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        const reason = unstorableReason(key);
        if (reason) details.push({ path: pathText([...pathOf(walked), key]), message: `the key ${reason}` });
      }
    }
  }
  return details.slice(0, max);
}

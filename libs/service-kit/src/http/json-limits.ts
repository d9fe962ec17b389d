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

/** An object or array met on the walk, with the way back to the root: paths are built only for what is reported. */
type Container = { value: object; parent: Container | null; key: string | number };

/**
 * Called for every value with where it sits (its container and its key there; null for the root);
 * answer true to stop. `pathTo(parent, key)` builds the path, for a report.
 */
type Visit = (value: unknown, parent: Container | null, key: string | number) => boolean;

/**
 * Every value under `root`, breadth first and without recursion. Every delivery is walked, so only
 * objects and arrays are queued (one small record each); strings and numbers are visited where
 * their container is read, with no record of their own.
 */
function walk(root: unknown, visit: Visit): void {
  if (visit(root, null, '')) return;
  if (root === null || typeof root !== 'object') return;
  const queue: Container[] = [{ value: root, parent: null, key: '' }];
  for (let i = 0; i < queue.length; i++) {
    const container = queue[i];
    const value = container.value;
    if (i > 0 && visit(value, container.parent, container.key)) return;
    if (Array.isArray(value)) {
      for (let k = 0; k < value.length; k++) if (visitChild(value[k], container, k, queue, visit)) return;
    } else {
      for (const key of Object.keys(value)) if (visitChild((value as Record<string, unknown>)[key], container, key, queue, visit)) return;
    }
  }
}

function visitChild(child: unknown, container: Container, key: string | number, queue: Container[], visit: Visit): boolean {
  if (child !== null && typeof child === 'object') {
    queue.push({ value: child, parent: container, key });
    return false;
  }
  return visit(child, container, key);
}

function pathTo(parent: Container | null, key: string | number): string[] {
  if (parent === null) return [];
  const path = [String(key)];
  for (let node: Container | null = parent; node?.parent; node = node.parent) path.push(String(node.key));
  return path.reverse();
}

const pathText = (path: string[]): string => path.join('.') || '(body)';

/**
 * A key that would reach an object's prototype if a merge or assignment ever copied it
 * (`__proto__`, or `constructor` holding a `prototype`): JSON from a client has no business with
 * them. Returns where the first one is, or null.
 */
export function prototypeKeyPath(root: unknown): string | null {
  let found: string | null = null;
  walk(root, (value, parent, key) => {
    if (value === null || typeof value !== 'object') return false;
    if (Object.prototype.hasOwnProperty.call(value, '__proto__')) found = pathText([...pathTo(parent, key), '__proto__']);
    else {
      const ctor: unknown = Object.prototype.hasOwnProperty.call(value, 'constructor') ? (value as { constructor: unknown }).constructor : undefined;
      if (ctor !== null && typeof ctor === 'object' && Object.prototype.hasOwnProperty.call(ctor, 'prototype')) found = pathText([...pathTo(parent, key), 'constructor', 'prototype']);
    }
    return found !== null;
  });
  return found;
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
  walk(root, (value, parent, at) => {
    if (typeof value === 'string') {
      const reason = unstorableReason(value);
      if (reason) details.push({ path: pathText(pathTo(parent, at)), message: reason });
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        const reason = unstorableReason(key);
        if (reason) details.push({ path: pathText([...pathTo(parent, at), key]), message: `the key ${reason}` });
      }
    }
    return details.length >= max;
  });
  return details.slice(0, max);
}

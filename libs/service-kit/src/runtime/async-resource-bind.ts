import { AsyncResource } from 'node:async_hooks';

type Bindable = (this: unknown, ...args: unknown[]) => unknown;

/** `fn` run in `resource`'s async scope, with the caller's `this`. */
function inScopeOf(resource: AsyncResource, fn: Bindable): Bindable {
  return function (this: unknown, ...args: unknown[]) {
    return resource.runInAsyncScope(fn, this, ...args);
  };
}

/**
 * Node 20's `AsyncResource#bind` hangs a deprecated `asyncResource` accessor on every function it
 * returns, made with `util.deprecate`, which sets the prototype of two fresh functions each time
 * (nodejs/node#58218). Fastify binds once per request with a body and Nest twice per request with
 * an interceptor: measured here, 13 µs and 2 KB allocated straight into the old generation per call,
 * a quarter of what the gateway promoted to the old generation under load; with this backport the
 * gateway spent 14 % less CPU per delivery and collected its old generation a third less often
 * (docs/benchmarks.md). Node 24 stopped changing prototypes there and Node's main branch removed
 * the property (nodejs/node#58618); this gives Node 20 the latter: the same binding to the
 * resource's async scope, without the property, which nothing in this repository or its
 * dependencies reads. Other Node versions are left alone.
 */
export function backportAsyncResourceBind(nodeVersion = process.versions.node): boolean {
  if (nodeVersion.split('.')[0] !== '20') return false;
  Object.defineProperty(AsyncResource.prototype, 'bind', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function bind(this: AsyncResource, fn: Bindable, thisArg?: unknown): Bindable {
      if (typeof fn !== 'function') throw new TypeError('The "fn" argument must be of type function');
      const bound = thisArg === undefined ? inScopeOf(this, fn) : (this.runInAsyncScope.bind(this, fn, thisArg) as Bindable);
      Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, value: fn.length, writable: false });
      return bound;
    },
  });
  return true;
}

import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { backportAsyncResourceBind } from './async-resource-bind';

describe('backportAsyncResourceBind', () => {
  const original = Object.getOwnPropertyDescriptor(AsyncResource.prototype, 'bind') as PropertyDescriptor;
  afterEach(() => Object.defineProperty(AsyncResource.prototype, 'bind', original));

  it('leaves Node versions other than 20 alone', () => {
    expect(backportAsyncResourceBind('22.12.0')).toBe(false);
    expect(backportAsyncResourceBind('24.1.0')).toBe(false);
    expect(Object.getOwnPropertyDescriptor(AsyncResource.prototype, 'bind')).toEqual(original);
  });

  describe('on Node 20', () => {
    beforeEach(() => expect(backportAsyncResourceBind('20.20.2')).toBe(true));

    it('runs the bound function in the async context it was bound in, however it is called later', async () => {
      const storage = new AsyncLocalStorage<string>();
      const bound = storage.run('request-1', () => AsyncResource.bind(() => storage.getStore()));
      const fromInstance = storage.run('request-2', () => new AsyncResource('test').bind(() => storage.getStore()));
      expect(storage.getStore()).toBeUndefined();
      expect(bound()).toBe('request-1');
      expect(storage.run('elsewhere', () => fromInstance())).toBe('request-2');
      await expect(new Promise((resolve) => setImmediate(() => resolve(bound())))).resolves.toBe('request-1');
    });

    it('passes arguments and the caller\'s this through, or the given this, and keeps the length', () => {
      function describeCall(this: unknown, a: number, b: number): [unknown, number] {
        return [this, a + b];
      }
      const target = { name: 'target' };
      const passThrough = new AsyncResource('test').bind(describeCall);
      // Node's own signature; @types/node leaves the second argument out.
      const withThis = new AsyncResource('test') as unknown as { bind<F>(fn: F, thisArg: unknown): F };
      const fixed = withThis.bind(describeCall, target);
      const holder = { name: 'holder', call: passThrough };
      expect(holder.call(1, 2)).toEqual([holder, 3]);
      expect(fixed(3, 4)).toEqual([target, 7]);
      expect(passThrough).toHaveLength(2);
      expect(fixed).toHaveLength(2);
    });

    it('no longer hangs the deprecated asyncResource property on what it returns', () => {
      const bound = AsyncResource.bind(() => undefined);
      expect(Object.prototype.hasOwnProperty.call(bound, 'asyncResource')).toBe(false);
      expect(Object.getPrototypeOf(bound)).toBe(Function.prototype);
    });

    it('refuses what is not a function, as Node does', () => {
      expect(() => new AsyncResource('test').bind('not a function' as unknown as () => void)).toThrow(TypeError);
    });
  });
});

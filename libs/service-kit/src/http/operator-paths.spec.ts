import Fastify from 'fastify';
import { protectOperatorPaths } from './operator-paths';

describe('protectOperatorPaths', () => {
  const app = Fastify();
  protectOperatorPaths(app, '/queues', 'operator-secret');
  app.get('/queues/api/queues', async () => ({ ok: true }));
  app.get('/orders', async () => ({ ok: true }));
  const basic = (password: string) => `Basic ${Buffer.from(`anyone:${password}`).toString('base64')}`;

  afterAll(() => app.close());

  it.each(['/queues/api/queues', '/%71ueues/api/queues', '//queues/api/queues', '/QUEUES/api/queues', '/queues%2Fapi%2Fqueues'])(
    'refuses %s without the operator token',
    async (url) => {
      expect((await app.inject({ url })).statusCode).toBe(401);
    },
  );

  it('lets the operator in with Basic or Bearer, and leaves other paths alone', async () => {
    expect((await app.inject({ url: '/queues/api/queues', headers: { authorization: basic('operator-secret') } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/queues/api/queues', headers: { authorization: 'Bearer operator-secret' } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/queues/api/queues', headers: { authorization: basic('wrong') } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/orders' })).statusCode).toBe(200);
  });
});

import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildConsoleServer } from './console-server';
import type { ConsoleConfig } from './config';

/** A stand-in service that answers with what it received. */
async function echoService(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  app.all('/*', async (request, reply) => {
    if (request.url.startsWith('/v1/services')) {
      return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'Couriers only.', details: [] } });
    }
    return { method: request.method, url: request.url, authorization: request.headers.authorization ?? null, body: request.body ?? null };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('console server', () => {
  let staticDir: string;
  let service: { app: FastifyInstance; url: string };
  let server: FastifyInstance;

  const config = (overrides: Partial<ConsoleConfig['upstreams']> = {}, dir = staticDir): ConsoleConfig => ({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    staticDir: dir,
    upstreams: { clientSettings: service.url, orderManagement: service.url, ingestionGateway: service.url, quoting: service.url, ...overrides },
  });

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'console-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    service = await echoService();
    server = await buildConsoleServer(config());
  });

  afterAll(async () => {
    await server.close();
    await service.app.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('answers /health and /ready', async () => {
    expect((await server.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await server.inject('/ready')).statusCode).toBe(200);
  });

  it('serves index.html for every page path, never cached, with a strict content security policy', async () => {
    for (const path of ['/', '/drafts/0c8c3a52', '/integration-events?outcome=REJECTED']) {
      const res = await server.inject(path);
      expect({ path, status: res.statusCode }).toEqual({ path, status: 200 });
      expect(res.body).toContain('<title>console</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('caches hashed assets for good, and answers a missing file with a 404 in the APIs’ error shape', async () => {
    const asset = await server.inject('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await server.inject('/assets/gone.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await server.inject('/api/nowhere/v1/x')).statusCode).toBe(404);
  });

  it('forwards a service prefix to the service with the path, query, key and body untouched', async () => {
    const get = await server.inject({ url: '/api/client-settings/v1/clients?limit=1&cursor=abc', headers: { authorization: 'Bearer k1' } });
    expect(get.json()).toEqual({ method: 'GET', url: '/v1/clients?limit=1&cursor=abc', authorization: 'Bearer k1', body: null });
    const patch = await server.inject({ method: 'PATCH', url: '/api/order-management/v1/orders/o1', headers: { authorization: 'Bearer k2' }, payload: { pieces: 2 } });
    expect(patch.json()).toEqual({ method: 'PATCH', url: '/v1/orders/o1', authorization: 'Bearer k2', body: { pieces: 2 } });
  });

  it('passes the service’s own errors through as they are', async () => {
    const res = await server.inject({ url: '/api/client-settings/v1/services?limit=1', headers: { authorization: 'Bearer client-key' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Couriers only.', details: [] } });
  });

  it('says which service it could not reach, in the APIs’ error shape', async () => {
    const down = await buildConsoleServer(config({ orderManagement: 'http://127.0.0.1:9' }));
    try {
      const res = await down.inject('/api/order-management/v1/orders');
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({ error: { code: 'UPSTREAM_UNAVAILABLE', details: [] } });
      expect(res.json().error.message).toContain('order management');
    } finally {
      await down.close();
    }
  });

  it('is not ready, and says how to build, before the console is built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-unbuilt-'));
    const unbuilt = await buildConsoleServer(config({}, empty));
    try {
      expect((await unbuilt.inject('/ready')).statusCode).toBe(503);
      const page = await unbuilt.inject('/orders');
      expect(page.statusCode).toBe(503);
      expect(page.json().error.message).toContain('nx build console');
    } finally {
      await unbuilt.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

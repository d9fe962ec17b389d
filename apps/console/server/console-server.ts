import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { registerApiProxy } from './api-proxy';
import type { ConsoleConfig } from './config';
import { addSecurityHeaders } from './security-headers';
import { hasBuild, registerStaticAssets, sendIndex } from './static-assets';

/** The console's whole server: static pages, /health and /ready, and the APIs on the same origin. */
export async function buildConsoleServer(config: ConsoleConfig): Promise<FastifyInstance> {
  // Every click makes API calls: one log line per request only when asked for (LOG_LEVEL=debug).
  const quietRequests = config.logLevel !== 'debug' && config.logLevel !== 'trace';
  const app = Fastify({ logger: { level: config.logLevel }, logController: new LogController({ disableRequestLogging: quietRequests }) });
  addSecurityHeaders(app);
  app.get('/health', async () => ({ status: 'ok' }));
  // Ready once there is something to serve; the services have readiness of their own.
  app.get('/ready', async (_request, reply) =>
    hasBuild(config.staticDir) ? { status: 'ok' } : reply.code(503).send({ status: 'error', reason: 'the console is not built' }),
  );
  await registerApiProxy(app, config);
  app.get('/', (_request, reply) => sendIndex(reply, config.staticDir));
  await registerStaticAssets(app, config.staticDir);
  return app;
}

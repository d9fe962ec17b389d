import httpProxy from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from './api-routes';
import type { ConsoleConfig } from './config';

/** Forwards each service's prefix to it, bodies and Authorization untouched. */
export async function registerApiProxy(app: FastifyInstance, config: ConsoleConfig): Promise<void> {
  for (const route of API_ROUTES) {
    await app.register(httpProxy, {
      upstream: route.upstream(config),
      prefix: route.prefix,
      rewritePrefix: '',
      // reply-from logs every forwarded request at info: at the default level only its warnings show.
      logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
      http: { requestOptions: { timeout: 30_000 } },
      replyOptions: {
        // A service that is down answers in the APIs' own error shape, so the page can say which one.
        onError: (reply, { error }) => {
          reply.log.warn({ err: error, upstream: route.name }, 'upstream unreachable');
          void reply.code(502).send({
            error: { code: 'UPSTREAM_UNAVAILABLE', message: `The console could not reach ${route.name} (${error.message}): is it running?`, details: [] },
          });
        },
      },
    });
  }
}

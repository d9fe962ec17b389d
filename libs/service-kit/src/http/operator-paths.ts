import type { FastifyInstance } from 'fastify';
import { sameSecret as same } from '../auth/same-secret';


/** The operator token, sent as a Bearer token or as the password of Basic auth (what a browser can send). */
function presentsToken(authorization: string | undefined, token: string): boolean {
  if (!authorization) return false;
  const [scheme, value = ''] = authorization.split(' ', 2);
  if (/^bearer$/i.test(scheme)) return same(value, token);
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return same(decoded.slice(decoded.indexOf(':') + 1), token);
  }
  return false;
}

/**
 * The path as the router will match it: percent-escapes decoded (so `/%71ueues` cannot slip past as
 * something other than `/queues`), repeated slashes folded. Undecodable paths are treated as guarded.
 */
function routedPath(url: string, pathPrefix: string): string {
  const raw = url.split('?')[0];
  try {
    return decodeURIComponent(raw).replace(/\/{2,}/g, '/');
  } catch {
    return pathPrefix;
  }
}

/** Guards every path under a prefix, sub-paths included, before any route or plugin sees the request. */
export function protectOperatorPaths(fastify: FastifyInstance, pathPrefix: string, token: string): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const path = routedPath(request.url, pathPrefix).toLowerCase();
    const prefix = pathPrefix.toLowerCase();
    if ((path === prefix || path.startsWith(`${prefix}/`)) && !presentsToken(request.headers.authorization, token)) {
      void reply
        .status(401)
        .header('www-authenticate', 'Basic realm="operator", charset="UTF-8"')
        .send({ error: { code: 'UNAUTHORIZED', message: 'The queue dashboard needs the operator token (as the Basic auth password).', details: [] } });
      return;
    }
    done();
  });
}

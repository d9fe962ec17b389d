import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const hasBuild = (staticDir: string): boolean => existsSync(join(staticDir, 'index.html'));

// A path with a file extension asks for a file; any other path is a page of the console.
const looksLikeFile = (path: string): boolean => /\.[a-z0-9]+$/i.test(path);

export function sendIndex(reply: FastifyReply, staticDir: string): FastifyReply {
  if (!hasBuild(staticDir)) {
    return reply.code(503).send({ error: { code: 'NOT_BUILT', message: 'The console is not built yet: run `npx nx build console`.', details: [] } });
  }
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}

/**
 * The production build, with index.html for every other page path: the console routes in the
 * browser, so /drafts/123 must load the page, not a 404. Hashed assets are cached for good.
 */
export async function registerStaticAssets(app: FastifyInstance, staticDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: staticDir,
    index: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0];
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/') && !looksLikeFile(path);
    if (!isPage) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `Nothing at ${request.method} ${path}.`, details: [] } });
    }
    return sendIndex(reply, staticDir);
  });
}

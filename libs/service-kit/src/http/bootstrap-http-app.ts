import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { createOpenApiDocument } from '../openapi/openapi-document';
import { ErrorBodyFilter, sendFrameworkError } from './error-body.filter';
import { acceptJsonBodies } from './json-body-parser';
import { refuseUnstorableQueries } from './query-checks';
import { protectOperatorPaths } from './operator-paths';
import { ResponseContractInterceptor } from './response-contract.interceptor';

export interface HttpAppOptions {
  title: string;
  description: string;
  port: number;
  host: string;
  /** Largest request body Fastify reads (bytes). */
  bodyLimit?: number;
  /**
   * Hand every body to handlers as raw bytes, whatever its content type: webhook signatures cover
   * the exact bytes received, so nothing may parse them first.
   */
  rawBodies?: boolean;
  /** Paths only the operator may open (the queue dashboard): Basic auth with the operator token as password, or Bearer. */
  operatorOnly?: { pathPrefix: string; token: string };
}

/**
 * SIGTERM or SIGINT closes the app (HTTP stops accepting, workers finish their in-flight jobs, the
 * relay drains, connections close) and then exits 0, so a supervisor can tell a clean stop from a
 * crash. A second signal exits at once.
 */
function stopCleanlyOnSignals(app: INestApplication): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    app.get(Logger).log(`${signal} received: finishing in-flight work, then stopping`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Starts an app the same way everywhere: Fastify, JSON errors, zod validation, OpenAPI, graceful stop. */
export async function bootstrapHttpApp(module: Type<unknown>, options: HttpAppOptions): Promise<INestApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimit ?? 1024 * 1024, trustProxy: true, frameworkErrors: sendFrameworkError });
  const fastify = adapter.getInstance() as unknown as FastifyInstance;
  if (options.rawBodies) {
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  } else {
    acceptJsonBodies(fastify);
  }
  refuseUnstorableQueries(fastify);
  if (options.operatorOnly) protectOperatorPaths(fastify, options.operatorOnly.pathPrefix, options.operatorOnly.token);

  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ErrorBodyFilter());
  app.useGlobalPipes(new ZodValidationPipe());
  app.useGlobalInterceptors(new ResponseContractInterceptor(app.get(Reflector)));
  stopCleanlyOnSignals(app);

  SwaggerModule.setup('docs', app, createOpenApiDocument(app, options), { jsonDocumentUrl: 'docs/json' });

  await app.listen(options.port, options.host);
  return app;
}

import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceDefinition } from '../http/run-service';
import { createOpenApiDocument } from '../openapi/openapi-document';
import { stableJson } from '../openapi/stable-json';
import { testConfig } from './service-under-test';
import { createTestDatabase } from '@portal/test-database';

/** Where an app's committed OpenAPI document lives: docs/openapi/<app>.json at the repository root. */
export const committedOpenApiPath = (app: string): string => join(__dirname, '..', '..', '..', '..', 'docs', 'openapi', `${app}.json`);

/**
 * The app's OpenAPI document exactly as its `/docs` builds it, from the app created but never
 * listening or initialised (no workers, no relay). Creating it connects MikroORM, so it gets a
 * test database of its own, dropped afterwards.
 */
export async function buildOpenApiDocument<C>(definition: ServiceDefinition<C>): Promise<OpenAPIObject> {
  const db = await createTestDatabase('openapi');
  try {
    const config = testConfig(definition, { databaseUrl: db.url });
    const app = await NestFactory.create(definition.module(config), new FastifyAdapter(), { logger: false });
    try {
      return createOpenApiDocument(app, definition.http(config));
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
  }
}

/** `up to date` when docs/openapi/<app>.json is what the app builds now; otherwise what to do about it. */
export async function committedOpenApiStatus<C>(definition: ServiceDefinition<C>, app: string): Promise<string> {
  const fresh = stableJson(await buildOpenApiDocument(definition));
  const path = committedOpenApiPath(app);
  const committed = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (committed === fresh) return 'up to date';
  return `docs/openapi/${app}.json is ${committed === null ? 'missing' : 'stale'}: run \`npm run openapi\` and commit the result.`;
}

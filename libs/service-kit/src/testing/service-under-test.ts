import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { ServiceDefinition } from '../http/run-service';
import { bootstrapHttpApp } from '../http/bootstrap-http-app';
import { migrate } from '../database/migrate';
import { createTestDatabase, testQueuePrefix, type TestDatabase } from '@portal/test-database';

export interface ServiceUnderTest<C> {
  app: INestApplicationContext;
  config: C;
  /** The HTTP base URL, when started with `http: true`. */
  url: string | null;
  queuePrefix: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

/** The operator token app tests use; apps that need none ignore it. */
export const TEST_OPERATOR_TOKEN = 'operator-token-for-tests';

/** The configuration an app gets in tests: its own database and queue prefix, quiet logs, the test operator token. */
export function testConfig<C>(definition: ServiceDefinition<C>, input: { databaseUrl: string; queuePrefix?: string; env?: Record<string, string> }): C {
  return definition.configSchema.parse({
    DATABASE_URL: input.databaseUrl,
    QUEUE_PREFIX: input.queuePrefix ?? testQueuePrefix(),
    LOG_LEVEL: 'silent',
    OPERATOR_TOKEN: TEST_OPERATOR_TOKEN,
    ...input.env,
  });
}

/**
 * Starts one app as `main.ts` would, against the real PostgreSQL and Redis, with a database and a
 * queue prefix of its own: migrated, workers running, and (with `http`) serving on a free port.
 */
export async function startServiceForTest<C>(
  definition: ServiceDefinition<C>,
  options: {
    label: string;
    env?: Record<string, string>;
    http?: boolean;
    queuePrefix?: string;
    /** Reach the test database through this relay (a `TcpProxy`), so a test can cut it. */
    databaseVia?: { via(url: string): string };
  },
): Promise<ServiceUnderTest<C>> {
  const db = await createTestDatabase(options.label);
  const queuePrefix = options.queuePrefix ?? testQueuePrefix();
  try {
    const config = testConfig(definition, { databaseUrl: options.databaseVia ? options.databaseVia.via(db.url) : db.url, queuePrefix, env: options.env });
    await migrate(definition.ormOptions(config));
    const module = definition.module(config);
    if (options.http) {
      const app = await bootstrapHttpApp(module, { ...definition.http(config), port: 0, host: '127.0.0.1' });
      return { app, config, url: await app.getUrl(), queuePrefix, db, stop: async () => (await app.close(), await db.drop()) };
    }
    const app = await (await Test.createTestingModule({ imports: [module] }).compile()).init();
    return { app, config, url: null, queuePrefix, db, stop: async () => (await app.close(), await db.drop()) };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

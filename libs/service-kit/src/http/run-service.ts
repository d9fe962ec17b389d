import type { Options } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Type } from '@nestjs/common';
import type { z } from 'zod';
import { loadConfig } from '../config/base-config';
import { migrate } from '../database/migrate';
import { backportAsyncResourceBind } from '../runtime/async-resource-bind';
import { bootstrapHttpApp, HttpAppOptions } from './bootstrap-http-app';

/** What an app is: its configuration, its schema and migrations, its module, how it serves HTTP. */
export interface ServiceDefinition<C> {
  configSchema: z.ZodType<C>;
  ormOptions: (config: C) => Options<PostgreSqlDriver>;
  module: (config: C) => Type<unknown>;
  http: (config: C) => HttpAppOptions;
}

/**
 * Every app starts the same way: validate the environment, migrate its schema, then serve (on Node 20,
 * with `AsyncResource#bind` as later Node versions have it: runtime/async-resource-bind.ts).
 */
export function runService<C>(definition: ServiceDefinition<C>): void {
  backportAsyncResourceBind();
  const start = async (): Promise<void> => {
    const config = loadConfig(definition.configSchema);
    const applied = await migrate(definition.ormOptions(config));
    if (applied.length > 0) console.log(JSON.stringify({ level: 30, time: Date.now(), msg: 'Migrations applied', migrations: applied }));
    await bootstrapHttpApp(definition.module(config), definition.http(config));
  };
  start().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { describeError } from '@portal/messaging';
import { Gauge, register } from 'prom-client';
import { SCHEMA } from '../schema';
import { DEFAULT_SILENT_AFTER_HOURS } from './connection-health';

const NAME = 'integration_connections_silent';

/**
 * Live connections that have delivered before and then went quiet for longer than their
 * `silentAfterHours` (a WooCommerce webhook disabled after failures, a store uninstalled), counted at
 * scrape time with one query, by courier: an operator alerts on the sum and knows whom to call.
 */
@Injectable()
export class SilentConnectionsMetric implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SilentConnectionsMetric.name);

  constructor(private readonly em: EntityManager) {}

  onModuleInit(): void {
    // Registered per app instance (tests start several in one process), removed when it stops.
    register.removeSingleMetric(NAME);
    const count = (): Promise<{ courier_id: string; silent: number }[]> => this.count();
    const logger = this.logger;
    new Gauge({
      name: NAME,
      help: 'Live connections that delivered before and then nothing for settings.silentAfterHours (default 48), by courier.',
      labelNames: ['courier_id'],
      async collect() {
        this.reset();
        try {
          for (const row of await count()) this.set({ courier_id: row.courier_id }, row.silent);
        } catch (error) {
          // A scrape still answers with every other metric; the missing series is the signal.
          logger.warn({ err: describeError(error) }, 'Could not count silent connections');
        }
      },
    });
  }

  onModuleDestroy(): void {
    register.removeSingleMetric(NAME);
  }

  private count(): Promise<{ courier_id: string; silent: number }[]> {
    return this.em.fork().execute(
      `select "courier_id", count(*)::int as "silent" from "${SCHEMA}"."connections"
        where "deleted_at" is null and "last_delivery_at" is not null
          and "last_delivery_at" < now() - make_interval(secs => coalesce(("settings"->>'silentAfterHours')::float8, ?) * 3600)
        group by "courier_id"`,
      [DEFAULT_SILENT_AFTER_HOURS],
    );
  }
}

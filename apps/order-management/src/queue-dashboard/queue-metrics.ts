import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Gauge, register } from 'prom-client';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'waiting-children'] as const;

/** The queues operators watch: the dashboard shows them and /metrics counts their jobs. */
export const WATCHED_QUEUES = Symbol('WATCHED_QUEUES');

/**
 * Queue depths on /metrics, read from Redis when Prometheus scrapes: a growing `waiting` count is the
 * first sign a worker pool is too small, a growing `failed` count that jobs need a person.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(WATCHED_QUEUES) private readonly names: string[],
  ) {}

  onModuleInit(): void {
    if (register.getSingleMetric('queue_jobs')) return;
    const queues = this.names.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state.',
      labelNames: ['queue', 'state'],
      async collect() {
        for (const queue of queues) {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }
}

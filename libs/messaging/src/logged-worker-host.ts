import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { Histogram } from 'prom-client';
import { describeError } from './describe-error';
import { PRODUCER_REDIS } from './messaging-options';

const jobLatency = new Histogram({
  name: 'queue_job_latency_seconds',
  help: 'From a job being added to its completion, by queue: waiting plus processing.',
  labelNames: ['queue'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
});

/**
 * A processor whose failures are logged where operators look, with the job's identity: BullMQ keeps
 * the failed job (and retries it), but a silent failure is invisible until someone opens the dashboard.
 * Completed jobs feed the latency histogram on /metrics.
 */
export abstract class LoggedWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  // A property, not a constructor parameter, so processors keep constructors of their own.
  @Inject(PRODUCER_REDIS) private readonly redis!: Redis | Cluster;

  /**
   * @nestjs/bullmq closes workers gracefully after this, and bullmq 6.7's graceful close waits for
   * its connections to end, which one between reconnect attempts never does: with Redis down, the
   * app would not stop until Redis came back. Then the worker closes at once instead: a job it holds
   * cannot be completed without Redis anyway, and its lock lapses so a worker runs it again (every
   * job is idempotent).
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'ready') await this.worker.close(true);
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job): void {
    jobLatency.observe({ queue: job.queueName }, Math.max(0, Date.now() - job.timestamp) / 1000);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    const final = job ? job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError' : true;
    this.logger[final ? 'error' : 'warn'](
      { jobId: job?.id, jobName: job?.name, queue: job?.queueName, attemptsMade: job?.attemptsMade, final, err: describeError(error) },
      final ? 'Job failed for good: it stays in the failed set to inspect and retry' : 'Job failed; it will be retried',
    );
  }
}

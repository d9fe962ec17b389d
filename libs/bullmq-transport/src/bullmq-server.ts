import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { closeRedis, describeError, parseJob, redisClient, redisOptions } from '@portal/messaging/consumer';
import type { Cluster } from 'ioredis';
import { UnrecoverableError, Worker, type ConnectionOptions, type Job, type WorkerListener } from 'bullmq';
import { lastValueFrom } from 'rxjs';
import { BullMqContext } from './bullmq.context';
import type { BullMqServerOptions } from './bullmq-server-options';

/** Pass as the second argument of `@EventPattern` to bind a handler to this transport only. */
export const BULLMQ_TRANSPORT = Symbol('BULLMQ_TRANSPORT');

/** `server.on(...)` / `app.on(...)` take the workers' own events. */
export type BullMqServerEvents = { [K in keyof WorkerListener]: WorkerListener[K] };

type Listener = { [K in keyof BullMqServerEvents]: { event: K; callback: BullMqServerEvents[K] } }[keyof BullMqServerEvents];

/**
 * A Nest microservice transport over BullMQ queues: each job is an event named after its pattern
 * (`@EventPattern('order.created')`), its data validated by the pattern's schema before the handler
 * sees it. The job completes only when the handler's promise or observable does, and fails (then
 * retries with the producer's backoff) when it errors, so no event is acknowledged before it is handled.
 */
export class BullMqServer extends Server<BullMqServerEvents> implements CustomTransportStrategy {
  override readonly transportId = BULLMQ_TRANSPORT;
  protected override readonly logger = new Logger(BullMqServer.name);
  private workers: Worker[] = [];
  private readonly connected = new Set<Worker>();
  private stopWaiting?: () => void;
  private readonly listeners: Listener[] = [];
  /** Cluster clients this server made (BullMQ takes a cluster only as a client, and leaves closing it to us). */
  private readonly clusters: Cluster[] = [];

  constructor(private readonly options: BullMqServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.assertEverySchemaIsKnown();
      this.workers = this.options.queues.map((queue) => this.startWorker(queue));
      // Workers wait for Redis as long as it takes; a close() meanwhile ends the wait with an error.
      const closed = new Promise<never>((_, reject) => (this.stopWaiting = () => reject(new Error('BullMqServer closed before its workers reached Redis'))));
      await Promise.race([Promise.all(this.workers.map(async (worker) => (await worker.waitUntilReady(), this.connected.add(worker)))), closed]);
      callback();
    } catch (error) {
      await this.close();
      callback(error);
    }
  }

  /** Waits for the jobs in hand to finish (their handlers settle and BullMQ records the outcome). */
  async close(): Promise<void> {
    this.stopWaiting?.();
    const workers = this.workers;
    this.workers = [];
    // A worker that never reached Redis holds no job, and its graceful close would wait for a
    // connection that may never come: that one alone is closed at once.
    await Promise.all(workers.map((worker) => worker.close(!this.connected.has(worker))));
    this.connected.clear();
    await Promise.all(this.clusters.splice(0).map(closeRedis));
  }

  on<K extends keyof BullMqServerEvents>(event: K, callback: BullMqServerEvents[K]): void {
    this.listeners.push({ event, callback } as Listener);
    for (const worker of this.workers) worker.on(event, callback);
  }

  unwrap<T = Worker[]>(): T {
    if (this.workers.length === 0) {
      throw new Error('Not initialized. Please call the "listen"/"startAllMicroservices" method before accessing the server.');
    }
    return this.workers as T;
  }

  private startWorker(queue: string): Worker {
    const worker = new Worker(queue, (job) => this.handleJob(job), {
      connection: this.connection(),
      prefix: this.options.prefix,
      concurrency: this.options.concurrency ?? 1,
    });
    // Connection trouble and lost locks arrive here; BullMQ keeps retrying, and operators must see it.
    worker.on('error', (error) => this.logger.error({ queue, err: describeError(error) }, 'BullMQ worker error'));
    worker.on('failed', (job, error) => this.logFailure(queue, job, error));
    for (const { event, callback } of this.listeners) worker.on(event, callback);
    return worker;
  }

  private connection(): ConnectionOptions {
    const { connection, clusterNodes } = this.options;
    if (clusterNodes?.length) {
      const cluster = redisClient({ redisUrl: typeof connection === 'string' ? connection : 'redis://127.0.0.1:6379', redisClusterNodes: [...clusterNodes] }, 'worker') as Cluster;
      this.clusters.push(cluster);
      return cluster as unknown as ConnectionOptions;
    }
    // ioredis 6 types retryStrategy more widely than BullMQ's copy of its options; the values are the same.
    return typeof connection === 'string' ? (redisOptions(connection, 'worker') as ConnectionOptions) : { ...connection, maxRetriesPerRequest: null };
  }

  private async handleJob(job: Job): Promise<void> {
    const handler = this.getHandlerByPattern(job.name);
    if (!handler?.isEventHandler) {
      throw new UnrecoverableError(`No handler for job ${job.name} on ${job.queueName}: this service has no @EventPattern('${job.name}')`);
    }
    const event: unknown = parseJob(this.options.schemas[job.name], job.data, job.name);
    const outcome = this.transformToObservable(await handler(event, new BullMqContext([job])));
    await lastValueFrom(outcome, { defaultValue: undefined }).catch((error: unknown) => {
      throw asError(error);
    });
  }

  /** A handler whose payload could never be checked is a wiring mistake: refuse to start. */
  private assertEverySchemaIsKnown(): void {
    const unchecked = [...this.messageHandlers.entries()]
      .filter(([pattern, handler]) => handler.isEventHandler && !(pattern in this.options.schemas))
      .map(([pattern]) => pattern);
    if (unchecked.length > 0) {
      throw new Error(`BullMqServer has no payload schema for @EventPattern ${unchecked.join(', ')}: add them to the schemas option`);
    }
  }

  private logFailure(queue: string, job: Job | undefined, error: Error): void {
    const final = job ? error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1) : true;
    this.logger[final ? 'error' : 'warn'](
      { queue, jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, final, err: describeError(error) },
      final ? 'Event failed for good: it stays in the failed set to inspect and retry' : 'Event failed; it will be retried',
    );
  }
}

/** Nest's RPC filters reject with plain objects ({ status, message }); BullMQ needs an Error. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return new Error(message);
}

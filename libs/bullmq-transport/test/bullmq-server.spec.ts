import { Controller, Injectable, Module, type INestMicroservice, type LoggerService, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { ORDER_EVENT_SCHEMAS, OrderCreatedEventSchema, orderEventsQueueName, type OrderCreatedEvent } from '@portal/contracts';
import { DEFAULT_JOB_OPTIONS } from '@portal/messaging';
import { eventually, orderCreatedEventForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue, type Job, type Worker } from 'bullmq';
import { Observable, Subject } from 'rxjs';
import { BullMqExceptionFilter } from '../src/bullmq-exception.filter';
import { BullMqServer } from '../src/bullmq-server';
import type { BullMqServerOptions } from '../src/bullmq-server-options';
import { BullMqContext } from '../src/bullmq.context';
import { deletePrefixKeys, REDIS_URL } from './prefix-keys';

type Behaviour = (job: Job) => Promise<void> | Observable<void>;

/** What the handler does per event id, set by each test; every call is recorded. */
@Injectable()
class Script {
  readonly handled: { event: OrderCreatedEvent; context: BullMqContext; attemptsMade: number }[] = [];
  private readonly behaviours = new Map<string, Behaviour>();

  when(eventId: string, behaviour: Behaviour): void {
    this.behaviours.set(eventId, behaviour);
  }

  run(event: OrderCreatedEvent, context: BullMqContext): Promise<void> | Observable<void> {
    this.handled.push({ event, context, attemptsMade: context.getJob().attemptsMade });
    return this.behaviours.get(event.id)?.(context.getJob()) ?? Promise.resolve();
  }
}

@Controller()
class OrderCreatedHandler {
  constructor(private readonly script: Script) {}

  @EventPattern('order.created')
  onOrderCreated(@Payload() event: OrderCreatedEvent, @Ctx() context: BullMqContext): Promise<void> | Observable<void> {
    return this.script.run(event, context);
  }
}

@Module({ controllers: [OrderCreatedHandler], providers: [Script] })
class ConsumerModule {}

@Controller()
class UncheckedHandler {
  @EventPattern('order.archived')
  onArchived(): void {
    throw new Error('never called: the microservice refuses to start');
  }
}

@Module({ controllers: [UncheckedHandler] })
class UncheckedModule {}

/** A latch a handler waits on, and a signal that it has started. */
function gate(): { entered: Promise<void>; enter: () => void; release: () => void; released: Promise<void> } {
  let enter!: () => void;
  let release!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return { entered, enter, release, released };
}

class RecordingLogger implements LoggerService {
  readonly entries: { level: string; args: unknown[] }[] = [];
  log = (...args: unknown[]) => this.entries.push({ level: 'log', args });
  error = (...args: unknown[]) => this.entries.push({ level: 'error', args });
  warn = (...args: unknown[]) => this.entries.push({ level: 'warn', args });
}

// Real Redis and BullMQ: a Nest microservice on this transport, fed by a BullMQ Queue as order
// management feeds it (job named after the event type, the producer's attempts and backoff).
describe('BullMqServer (Redis + BullMQ)', () => {
  const prefix = testQueuePrefix();
  const queues: Queue[] = [];
  const apps: INestMicroservice[] = [];

  const queueFor = (name: string): Queue => {
    const queue = new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    queues.push(queue);
    return queue;
  };

  async function startConsumer(
    queue: string,
    options: { module?: Type; filter?: boolean; connection?: BullMqServerOptions['connection']; logger?: LoggerService; listen?: boolean } = {},
  ): Promise<{ app: INestMicroservice; server: BullMqServer }> {
    const serverOptions: BullMqServerOptions = {
      connection: options.connection ?? REDIS_URL,
      prefix,
      queues: [queue],
      concurrency: 4,
      schemas: ORDER_EVENT_SCHEMAS,
    };
    const server = new BullMqServer(serverOptions);
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(options.module ?? ConsumerModule, {
      strategy: server,
      logger: options.logger ?? false,
    });
    apps.push(app);
    if (options.filter ?? true) app.useGlobalFilters(new BullMqExceptionFilter());
    if (options.listen ?? true) await app.listen();
    return { app, server };
  }

  const add = (queue: Queue, name: string, data: unknown): Promise<Job> => queue.add(name, data, DEFAULT_JOB_OPTIONS);

  const stateOf = async (queue: Queue, job: Job): Promise<{ state: string; attemptsMade: number; failedReason: string }> => {
    const id = String(job.id);
    // State first: once it reads final (or a handler holds the job), the hash read next is settled too.
    const state = await queue.getJobState(id);
    const fresh = await queue.getJob(id);
    return { state, attemptsMade: fresh?.attemptsMade ?? -1, failedReason: fresh?.failedReason ?? '' };
  };

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const queue of queues) await queue.close();
    await deletePrefixKeys(prefix);
  });

  describe('with a consumer running', () => {
    const name = orderEventsQueueName('spec');
    let queue: Queue;
    let server: BullMqServer;
    let script: Script;

    beforeAll(async () => {
      queue = queueFor(name);
      const started = await startConsumer(name);
      server = started.server;
      script = started.app.get(Script);
    });

    it('hands an order.created job to its @EventPattern handler, parsed by its schema, with the job in the context', async () => {
      const event = orderCreatedEventForTest();
      const job = await add(queue, 'order.created', { ...event, notInTheContract: 'dropped by the schema' });

      await eventually(async () => expect((await stateOf(queue, job)).state).toBe('completed'));
      const [handled] = script.handled.filter((h) => h.event.id === event.id);
      expect(handled.event).toEqual(OrderCreatedEventSchema.parse(event));
      expect(handled.event).not.toHaveProperty('notInTheContract');
      expect(handled.context).toBeInstanceOf(BullMqContext);
      expect(handled.context.getPattern()).toBe('order.created');
      expect(handled.context.getJob().id).toBe(job.id);
      expect(handled.context.getJob().queueName).toBe(name);
      expect(server.unwrap<Worker[]>().map((w) => w.name)).toEqual([name]);
    });

    it('keeps the job active while the handler awaits, and completes it once the promise resolves', async () => {
      const event = orderCreatedEventForTest();
      const latch = gate();
      script.when(event.id, async () => {
        latch.enter();
        await latch.released;
      });
      const job = await add(queue, 'order.created', event);

      await latch.entered;
      expect((await stateOf(queue, job)).state).toBe('active');
      latch.release();
      await eventually(async () => expect((await stateOf(queue, job)).state).toBe('completed'));
    });

    it('keeps the job active until an observable the handler returns completes', async () => {
      const event = orderCreatedEventForTest();
      const done = new Subject<void>();
      const latch = gate();
      script.when(
        event.id,
        () =>
          new Observable<void>((subscriber) => {
            latch.enter();
            return done.subscribe(subscriber);
          }),
      );
      const job = await add(queue, 'order.created', event);

      await latch.entered;
      done.next();
      expect((await stateOf(queue, job)).state).toBe('active');
      done.complete();
      await eventually(async () => expect((await stateOf(queue, job)).state).toBe('completed'));
    });

    it('fails the attempt when the handler throws, retries with the backoff, and completes once the handler succeeds', async () => {
      const event = orderCreatedEventForTest();
      const second = gate();
      script.when(event.id, async (job) => {
        if (job.attemptsMade === 1) {
          second.enter();
          await second.released;
        }
        if (job.attemptsMade < 2) throw new Error(`dispatch API answered 503 (attempt ${job.attemptsMade + 1})`);
      });
      const job = await add(queue, 'order.created', event);

      await second.entered;
      expect(await stateOf(queue, job)).toEqual({ state: 'active', attemptsMade: 1, failedReason: 'dispatch API answered 503 (attempt 1)' });
      second.release();
      const final = await eventually(async () => {
        const now = await stateOf(queue, job);
        expect(now.state).toBe('completed');
        return now;
      });
      expect(final.attemptsMade).toBe(3);
      expect(script.handled.filter((h) => h.event.id === event.id).map((h) => h.attemptsMade)).toEqual([0, 1, 2]);
    });

    it('fails a payload that does not match its schema at once, naming every problem, and keeps it in the failed set', async () => {
      const event = orderCreatedEventForTest();
      const job = await add(queue, 'order.created', { ...event, version: 2, order: { ...event.order, id: 42 } });

      const failed = await eventually(async () => {
        const now = await stateOf(queue, job);
        expect(now.state).toBe('failed');
        return now;
      });
      expect(failed.attemptsMade).toBe(1);
      expect(job.opts.attempts).toBe(12);
      expect(failed.failedReason).toMatch(/^Job order\.created does not match its contract: /);
      expect(failed.failedReason).toContain('version:');
      expect(failed.failedReason).toContain('order.id:');
      expect((await queue.getFailed()).map((j) => j.id)).toContain(job.id);
      expect(script.handled.some((h) => h.context.getJob().id === job.id)).toBe(false);
    });

    it.each(['order.drafted', 'order.exploded'])('fails a %s job, which this service has no @EventPattern for, at once and keeps it', async (jobName) => {
      const job = await add(queue, jobName, { ...orderCreatedEventForTest(), type: jobName });

      const failed = await eventually(async () => {
        const now = await stateOf(queue, job);
        expect(now.state).toBe('failed');
        return now;
      });
      expect(failed.attemptsMade).toBe(1);
      expect(failed.failedReason).toBe(`No handler for job ${jobName} on ${name}: this service has no @EventPattern('${jobName}')`);
      expect((await queue.getFailed()).map((j) => j.id)).toContain(job.id);
    });
  });

  it("without BullMqExceptionFilter a handler error still fails the attempt and is retried, under Nest's generic message", async () => {
    const name = orderEventsQueueName('spec-plain');
    const queue = queueFor(name);
    const { app } = await startConsumer(name, { filter: false });
    const event = orderCreatedEventForTest();
    const second = gate();
    app.get(Script).when(event.id, async (job) => {
      if (job.attemptsMade === 0) throw new Error('dispatch API answered 503');
      second.enter();
      await second.released;
    });
    const job = await add(queue, 'order.created', event);

    await second.entered;
    expect(await stateOf(queue, job)).toEqual({ state: 'active', attemptsMade: 1, failedReason: 'Internal server error' });
    second.release();
    await eventually(async () => expect((await stateOf(queue, job)).state).toBe('completed'));
  });

  it('refuses to start when an @EventPattern has no payload schema', async () => {
    const { app } = await startConsumer(orderEventsQueueName('spec-unchecked'), { module: UncheckedModule, listen: false });
    await expect(app.listen()).rejects.toThrow('BullMqServer has no payload schema for @EventPattern order.archived');
  });

  it('close() lets the job in hand finish and records its completion before it resolves', async () => {
    const name = orderEventsQueueName('spec-close');
    const queue = queueFor(name);
    const { app, server } = await startConsumer(name, { listen: false });
    const closing = gate();
    server.on('closing', () => closing.enter());
    await app.listen();
    const event = orderCreatedEventForTest();
    const latch = gate();
    app.get(Script).when(event.id, async () => {
      latch.enter();
      await latch.released;
    });
    const job = await add(queue, 'order.created', event);
    await latch.entered;

    let closed = false;
    const closed$ = app.close().then(() => (closed = true));
    await closing.entered;
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    expect((await stateOf(queue, job)).state).toBe('active');

    latch.release();
    await closed$;
    expect((await stateOf(queue, job)).state).toBe('completed');
  });

  it("logs worker errors as structured entries through Nest's Logger", async () => {
    const logger = new RecordingLogger();
    // Nothing listens on port 1: every connection attempt fails, and the worker keeps trying. (ioredis
    // otherwise keeps a never-opened socket's disconnect timer for 2 s after close.)
    const connection = { host: '127.0.0.1', port: 1, disconnectTimeout: 10 };
    const { app } = await startConsumer(orderEventsQueueName('spec-unreachable'), { connection, logger, listen: false });
    const listening = app.listen().catch((error: unknown) => error);

    const entry = await eventually(() => {
      const found = logger.entries.find((e) => e.level === 'error' && e.args[1] === 'BullMQ worker error');
      if (!found) throw new Error('no worker error logged yet');
      return found;
    });
    expect(entry.args[0]).toEqual({ queue: orderEventsQueueName('spec-unreachable'), err: expect.stringContaining('ECONNREFUSED') });
    expect(entry.args[2]).toBe('BullMqServer');
    await app.close();
    expect(await listening).toEqual(new Error('BullMqServer closed before its workers reached Redis'));
  });
});

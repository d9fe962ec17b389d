import { MikroORM } from '@mikro-orm/core';
import { OrderEventSchema, orderEventsQueueName, QueueNames, type CanonicalOrder, type IntakeAcceptedJob, type OrderEvent } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { IntegrationEventRecord } from '../src/entities/integration-event.entity';
import { Order } from '../src/entities/order.entity';
import { CancelOrderUseCase } from '../src/intake/cancel-order.use-case';
import { ChangeOrderUseCase } from '../src/intake/change-order.use-case';
import { CreateOrderUseCase } from '../src/intake/create-order.use-case';
import type { CancelJob, StateJob } from '../src/intake/intake-state';
import { orderManagementService } from '../src/order-management.service';

// Real PostgreSQL and Redis: what happens to an order after its store created it (PRODUCT 1.5).
describe('store changes and cancellations (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let create: CreateOrderUseCase;
  let change: ChangeOrderUseCase;
  let cancel: CancelOrderUseCase;
  let events: Queue;
  let intake: Queue;
  const prefix = testQueuePrefix();
  const clientId = uuidv7();
  const courierId = uuidv7();
  const connectionId = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'om_changes', queuePrefix: prefix, env: { ORDER_EVENT_SUBSCRIBERS: 'spec' } });
    orm = service.app.get(MikroORM);
    create = service.app.get(CreateOrderUseCase);
    change = service.app.get(ChangeOrderUseCase);
    cancel = service.app.get(CancelOrderUseCase);
    events = new Queue(orderEventsQueueName('spec'), { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    intake = new Queue(QueueNames.orderIntake, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    await orm.em.fork().insert(ClientView, {
      id: clientId,
      courierId,
      timezone: 'America/New_York',
      defaultPickup: { address: { line1: '1 Dock', city: 'Newark', postalCode: '07102', country: 'US' }, contact: { name: 'Dock' } },
      serviceSelectionRule: null,
      usesRatesAndServices: false,
      version: '1',
    });
  });

  afterAll(async () => {
    for (const queue of [events, intake]) {
      await queue?.obliterate({ force: true });
      await queue?.close();
    }
    await service?.stop();
  });

  const order = (externalId: string, line1 = '350 5th Ave', extra: Partial<CanonicalOrder> = {}): CanonicalOrder => ({
    externalId,
    dropoff: { address: { line1, city: 'New York', postalCode: '10118', country: 'US' }, contact: { name: 'Ada' }, completeAfter: '2026-11-25T10:00:00' },
    weight: { value: 2, unit: 'kg' },
    pieces: 1,
    ...extra,
  });
  const base = (eventId: string) => ({
    v: 1 as const,
    name: 'integration-event.accepted' as const,
    eventId,
    connectionId,
    clientId,
    courierId,
    platform: 'generic' as const,
    receivedAt: '2026-11-24T16:00:00.000Z',
    deliveryId: eventId,
    replayOf: null,
    mayCreate: true,
  });
  const created = (o: CanonicalOrder, at = '2026-11-24T15:00:00Z', eventId = uuidv7()): StateJob => ({ ...base(eventId), event: { id: `c-${eventId}`, type: 'order.created', occurredAt: at, order: o } });
  const updated = (o: CanonicalOrder, at: string, eventId = uuidv7(), mayCreate = true): StateJob => ({ ...base(eventId), mayCreate, event: { id: `u-${eventId}`, type: 'order.updated', occurredAt: at, order: o } });
  const cancelled = (externalId: string, at: string, reason?: string, eventId = uuidv7()): CancelJob => ({
    ...base(eventId),
    event: { id: `x-${eventId}`, type: 'order.cancelled', occurredAt: at, order: { externalId }, ...(reason ? { reason } : {}) },
  });

  const stored = (externalId: string) => orm.em.fork().findOneOrFail(Order, { connectionId, externalOrderId: externalId });
  const logOf = (eventId: string) => orm.em.fork().findOneOrFail(IntegrationEventRecord, { id: eventId });
  /** The order events announced for an order so far, once the relay has moved them. */
  const announced = async (orderId: string, expected: number): Promise<OrderEvent[]> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const jobs = await events.getJobs(['waiting', 'active', 'completed', 'failed']);
      const mine = jobs.map((j) => OrderEventSchema.parse(j.data)).filter((e) => e.order.id === orderId);
      if (mine.length >= expected || Date.now() > deadline) return mine.sort((a, b) => (a.id < b.id ? -1 : 1));
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('applies an address change to a placed order and announces the fields that changed', async () => {
    const placed = await create.execute(created(order('U-1')));
    const job = updated(order('U-1', '20 W 34th St'), '2026-11-24T15:05:00Z');
    expect(await change.execute(job)).toEqual({ outcome: 'UPDATED', orderId: placed?.orderId });
    const now = await stored('U-1');
    expect(now.dropoff.address.line1).toBe('20 W 34th St');
    expect(now.sourceUpdatedAt).toEqual(new Date('2026-11-24T15:05:00Z'));
    const [, update] = await announced(now.id, 2);
    expect(update).toMatchObject({ type: 'order.updated', changes: ['dropoff'], order: { dropoff: { address: { line1: '20 W 34th St' } } } });
    expect(await logOf(job.eventId)).toMatchObject({ outcome: 'UPDATED', orderId: now.id, eventType: 'order.updated' });
  });

  it('ignores an update that changes nothing a courier needs (NO_CHANGE) and one older than the order (STALE)', async () => {
    await create.execute(created(order('U-2')));
    const same = updated(order('U-2'), '2026-11-24T15:10:00Z');
    expect((await change.execute(same))?.outcome).toBe('IGNORED');
    expect(await logOf(same.eventId)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'NO_CHANGE' });
    // The unchanged but newer state still counts: an older change arriving after it is stale.
    const older = updated(order('U-2', '1 Old Rd'), '2026-11-24T15:08:00Z');
    expect((await change.execute(older))?.outcome).toBe('IGNORED');
    expect(await logOf(older.eventId)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'STALE' });
    const now = await stored('U-2');
    expect(now.dropoff.address.line1).toBe('350 5th Ave');
    expect(await announced(now.id, 1)).toHaveLength(1);
  });

  it('keeps Ready By at the order\'s arrival for an order without a window: a later update that changes nothing is NO_CHANGE', async () => {
    // Without completeAfter Ready By is when the order arrived (PRODUCT 1.2), not when a change did.
    const unwindowed = (line1?: string): CanonicalOrder => {
      const o = order('U-5', line1);
      return { ...o, dropoff: { ...o.dropoff, completeAfter: undefined } };
    };
    const placed = await create.execute(created(unwindowed()));
    const later = { ...updated(unwindowed(), '2026-11-24T15:20:00Z'), receivedAt: '2026-11-24T16:20:00.000Z' };
    expect(await change.execute(later)).toEqual({ outcome: 'IGNORED', orderId: placed?.orderId });
    expect(await logOf(later.eventId)).toMatchObject({ reasonCode: 'NO_CHANGE' });
    const moved = { ...updated(unwindowed('2 Moved St'), '2026-11-24T15:30:00Z'), receivedAt: '2026-11-24T16:30:00.000Z' };
    expect(await change.execute(moved)).toEqual({ outcome: 'UPDATED', orderId: placed?.orderId });
    const now = await stored('U-5');
    expect(now.readyBy).toEqual(new Date('2026-11-24T16:00:00.000Z'));
    const [, update] = await announced(now.id, 2);
    expect(update).toMatchObject({ type: 'order.updated', changes: ['dropoff'] });
  });

  it('builds the order from an update that arrives before its create; the create is then a duplicate', async () => {
    const early = updated(order('U-3', '5 Early St'), '2026-11-24T15:02:00Z');
    const built = await change.execute(early);
    expect(built?.outcome).toBe('PLACED');
    const late = await create.execute(created(order('U-3'), '2026-11-24T15:00:00Z'));
    expect(late).toEqual({ outcome: 'DUPLICATE', orderId: built?.orderId });
    expect((await stored('U-3')).dropoff.address.line1).toBe('5 Early St');
  });

  it('does not build an order from an update whose store status creates none (mayCreate false)', async () => {
    const job = updated(order('U-4'), '2026-11-24T15:00:00Z', uuidv7(), false);
    expect(await change.execute(job)).toEqual({ outcome: 'IGNORED', orderId: null });
    expect(await logOf(job.eventId)).toMatchObject({ reasonCode: 'NO_ORDER' });
    expect(await orm.em.fork().count(Order, { connectionId, externalOrderId: 'U-4' })).toBe(0);
  });

  it('cancels a placed order, announces it, and ignores the changes that follow', async () => {
    await create.execute(created(order('X-1')));
    const job = cancelled('X-1', '2026-11-24T16:00:00Z', 'customer');
    const result = await cancel.execute(job);
    const now = await stored('X-1');
    expect(result).toEqual({ outcome: 'CANCELLED', orderId: now.id });
    expect(now).toMatchObject({ status: 'CANCELLED', cancellation: { by: 'integration', reason: 'customer' } });
    const [, cancelEvent] = await announced(now.id, 2);
    expect(cancelEvent).toMatchObject({ type: 'order.cancelled', order: { status: 'CANCELLED', cancellation: { by: 'integration' } } });
    const after = updated(order('X-1', '9 Late Ave'), '2026-11-24T16:30:00Z');
    expect((await change.execute(after))?.outcome).toBe('IGNORED');
    expect(await logOf(after.eventId)).toMatchObject({ reasonCode: 'ORDER_CANCELLED' });
    expect((await stored('X-1')).dropoff.address.line1).toBe('350 5th Ave');
  });

  it('remembers a cancellation that arrives before its order: the create that follows creates nothing', async () => {
    const early = cancelled('X-2', '2026-11-24T16:00:00Z');
    expect(await cancel.execute(early)).toEqual({ outcome: 'CANCELLED', orderId: null });
    expect(await logOf(early.eventId)).toMatchObject({ reasonCode: 'CANCELLED_BEFORE_CREATE' });
    const late = created(order('X-2'));
    expect(await create.execute(late)).toEqual({ outcome: 'IGNORED', orderId: null });
    expect(await logOf(late.eventId)).toMatchObject({ outcome: 'IGNORED', reasonCode: 'ORDER_CANCELLED' });
    expect(await orm.em.fork().count(Order, { connectionId, externalOrderId: 'X-2' })).toBe(0);
  });

  it('twenty updates delivered shuffled, duplicated and at once leave the order as the newest says, one order.updated per applied change', async () => {
    const placed = await create.execute(created(order('S-1', 'Street 0'), '2026-11-24T15:00:00Z'));
    const updates = Array.from({ length: 20 }, (_, i) => updated(order('S-1', `Street ${i + 1}`), new Date(Date.parse('2026-11-24T15:00:00Z') + (i + 1) * 1000).toISOString()));
    const deliveries = shuffle([...updates, ...updates.slice(0, 8)], 42);
    const results = await Promise.all(deliveries.map((job) => change.execute(job)));

    const now = await stored('S-1');
    expect(now.dropoff.address.line1).toBe('Street 20');
    const log = await orm.em.fork().find(IntegrationEventRecord, { id: { $in: updates.map((u) => u.eventId) } });
    expect(log).toHaveLength(20);
    expect(log.every((e) => e.outcome === 'UPDATED' || (e.outcome === 'IGNORED' && e.reasonCode === 'STALE'))).toBe(true);
    const applied = log.filter((e) => e.outcome === 'UPDATED').length;
    expect(results.filter((r) => r !== null)).toHaveLength(20);
    const announcedUpdates = (await announced(placed?.orderId ?? '', 1 + applied)).filter((e) => e.type === 'order.updated');
    expect(announcedUpdates).toHaveLength(applied);
    expect(announcedUpdates.at(-1)?.order.dropoff.address.line1).toBe('Street 20');
  });

  it('records an event whose processing fails for good as FAILED with the error, never leaving it PENDING', async () => {
    const job: IntakeAcceptedJob = { ...created(order('F-1')), clientId: uuidv7() };
    await intake.add(job.name, job, { jobId: job.eventId, attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    const deadline = Date.now() + 15_000;
    let record: IntegrationEventRecord | null = null;
    while (!record && Date.now() < deadline) {
      record = await orm.em.fork().findOne(IntegrationEventRecord, { id: job.eventId, outcome: 'FAILED' });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(record).toMatchObject({ outcome: 'FAILED', reasonCode: 'PROCESSING_FAILED' });
    expect(record?.reason).toContain('has not reached order management yet');
    expect((await intake.getJob(job.eventId))?.failedReason).toContain('has not reached order management yet');
  });
});

/** A deterministic shuffle (Fisher-Yates over a seeded LCG). */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

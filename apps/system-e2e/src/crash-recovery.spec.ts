import { HookAnswerSchema } from '@portal/contracts';
import type { IntegrationEvent, Order } from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import type { ApiResponse } from './support/api';
import { eventually } from './support/eventually';
import { createCourier, enabledClientWithConnection, genericEvent, sendWhenConfigured, type Courier, type EnabledClient } from './support/fixtures';
import { sendSigned } from './support/hooks';
import { SubscriberCollector } from './support/subscriber';
import { E2E_SUBSCRIBER, startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(240_000);

const N = 60;
const WAVES = 4;

describe('crash recovery: order management killed while events arrive (system)', () => {
  let sys: E2eSystem;
  let subscriber: SubscriberCollector;
  let courier: Courier;
  let target: EnabledClient;

  beforeAll(async () => {
    sys = await startE2eSystem();
    subscriber = new SubscriberCollector(sys.system.redisUrl, sys.system.queuePrefix, E2E_SUBSCRIBER);
    await subscriber.ready();
    courier = await createCourier(sys);
    target = await enabledClientWithConnection(courier, { name: 'Crash client' });
  }, 180_000);

  afterAll(async () => {
    await subscriber?.close();
    await sys?.stop();
  }, 60_000);

  it('every accepted event becomes exactly one order and one order.created reaches the subscriber', async () => {
    const accepted = new Map<string, string>(); // externalOrderId -> gateway event id
    const answers: { externalId: string; status: number }[] = [];
    const record = (externalId: string, res: ApiResponse): void => {
      answers.push({ externalId, status: res.status });
      if (res.status === 202) accepted.set(externalId, HookAnswerSchema.parse(res.body).eventId);
    };

    // Warm up: the gateway knows the connection and the enabled client.
    const warm = genericEvent({ externalId: `CRASH-WARM-${randomUUID()}` });
    record(warm.order.externalId, await sendWhenConfigured(target.connection, warm));
    expect(accepted.size).toBe(1);

    const events = Array.from({ length: N }, (_, i) => genericEvent({ externalId: `CRASH-${i}-${randomUUID()}` }));
    const perWave = N / WAVES;
    const sendWave = (wave: number): Promise<void[]> =>
      Promise.all(
        events
          .slice(wave * perWave, (wave + 1) * perWave)
          .map(async (event) => record(event.order.externalId, await sendSigned(target.connection.webhookUrl, target.connection.signingSecret, event))),
      );
    // Waves 1 and 2 arrive together; once the gateway has accepted a dozen of them (order management is
    // busy building orders from them), order management is killed in the middle of its work. Waves 3 and
    // 4 arrive while it is down.
    let reachedDozen: () => void = () => undefined;
    const dozenAccepted = new Promise<void>((resolve) => (reachedDozen = resolve));
    const watcher = setInterval(() => {
      if (accepted.size >= 13) reachedDozen();
    }, 5);
    const firstTwo = Promise.all([sendWave(0), sendWave(1)]);
    await Promise.race([dozenAccepted, firstTwo]);
    clearInterval(watcher);
    const killing = sys.system.kill('order-management', 'SIGKILL');
    await firstTwo;
    await killing;
    for (let wave = 2; wave < WAVES; wave++) await sendWave(wave);
    await sys.system.start('order-management');

    // The gateway does not depend on order management: every event was accepted.
    const notAccepted = answers.filter((a) => a.status !== 202);
    expect(notAccepted).toEqual([]);
    expect(accepted.size).toBe(N + 1);

    const api = sys.orders(courier.apiKey);
    const orders = await eventually(async () => {
      const all = await api.listAll<Order>('/v1/orders', { clientId: target.client.id });
      expect(all.length).toBeGreaterThanOrEqual(accepted.size);
      return all;
    }, 120_000, 500);
    // Exactly one order per accepted event, and nothing else.
    const externalIds = orders.map((o) => o.source.externalOrderId).sort();
    expect(externalIds).toEqual([...accepted.keys()].sort());
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    expect(orders.every((o) => o.status === 'PLACED')).toBe(true);

    // Every accepted event's log row shows the order it became.
    const byExternal = new Map(orders.map((o) => [o.source.externalOrderId, o.id]));
    await eventually(async () => {
      const log = await api.listAll<IntegrationEvent>('/v1/integration-events', { clientId: target.client.id });
      const rows = new Map(log.map((e) => [e.id, e]));
      for (const [externalId, eventId] of accepted) {
        expect(rows.get(eventId)).toMatchObject({ outcome: 'PLACED', externalOrderId: externalId, orderId: byExternal.get(externalId) });
      }
    }, 60_000, 500);

    // Every placed order's order.created reached the subscriber (at least once; dedupe by event id).
    await eventually(() => {
      const created = subscriber.orderCreated().filter((e) => e.order.clientId === target.client.id);
      const orderIds = new Set(created.map((e) => e.order.id));
      for (const order of orders) expect(orderIds.has(order.id)).toBe(true);
    }, 120_000, 500);
    const created = subscriber.orderCreated().filter((e) => e.order.clientId === target.client.id);
    const eventsById = new Map<string, string>();
    for (const e of created) {
      const seen = eventsById.get(e.id);
      // A repeated delivery carries the same event id for the same order.
      if (seen) expect(seen).toBe(e.order.id);
      eventsById.set(e.id, e.order.id);
    }
    // One event per order: repeats share an id, never a second event for the same order.
    const eventIdsPerOrder = new Map<string, Set<string>>();
    for (const [eventId, orderId] of eventsById) {
      eventIdsPerOrder.set(orderId, (eventIdsPerOrder.get(orderId) ?? new Set()).add(eventId));
    }
    for (const order of orders) expect(eventIdsPerOrder.get(order.id)?.size).toBe(1);
  });

  it('a SIGTERM lets order management finish its in-flight work and exit cleanly; nothing is lost', async () => {
    const events = Array.from({ length: 30 }, (_, i) => genericEvent({ externalId: `TERM-${i}-${randomUUID()}` }));
    const answers = await Promise.all(events.map((event) => sendSigned(target.connection.webhookUrl, target.connection.signingSecret, event)));
    expect(answers.map((a) => a.status)).toEqual(events.map(() => 202));

    const exit = await sys.system.kill('order-management', 'SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    await sys.system.start('order-management');

    const api = sys.orders(courier.apiKey);
    const wanted = new Set(events.map((e) => e.order.externalId));
    const placed = await eventually(async () => {
      const all = (await api.listAll<Order>('/v1/orders', { clientId: target.client.id })).filter((o) => wanted.has(o.source.externalOrderId));
      expect(all).toHaveLength(events.length);
      return all;
    }, 60_000, 500);
    expect(new Set(placed.map((o) => o.source.externalOrderId)).size).toBe(events.length);
  });
});

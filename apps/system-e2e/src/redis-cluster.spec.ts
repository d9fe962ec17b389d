import { startRedisCluster, type LocalRedisCluster } from '@portal/system-harness';
import type { Order } from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from './support/eventually';
import {
  createClient,
  createCourier,
  createGenericConnection,
  enabledClientWithConnection,
  genericEvent,
  sendWhenConfigured,
  waitForOrder,
  warehousePickup,
  type Courier,
  type EnabledClient,
} from './support/fixtures';
import { assignServices, createRateTable, createService, enableWithRule, quoteWhen } from './support/rates-and-services';
import { SubscriberCollector } from './support/subscriber';
import { E2E_SUBSCRIBER, startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(240_000);

/**
 * The main story on a Redis Cluster of three masters started for this test from the machine's own
 * redis-server, with QUEUE_PREFIX={portal}: every app, the outbox relays, the quote flows and the
 * subscriber talk to the cluster. What cannot be tried here (a managed cluster, failover) is not claimed.
 */
describe('on a Redis Cluster (system)', () => {
  let cluster: LocalRedisCluster;
  let sys: E2eSystem;
  let subscriber: SubscriberCollector;
  let courier: Courier;
  let plain: EnabledClient;
  let quoted: EnabledClient;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    sys = await startE2eSystem({}, { redisClusterNodes: cluster.nodes });
    expect(sys.system.queuePrefix).toBe('{portal}');
    subscriber = new SubscriberCollector(sys.system.redisUrl, sys.system.queuePrefix, E2E_SUBSCRIBER, cluster.nodes);
    await subscriber.ready();
    courier = await createCourier(sys, 'Cluster courier');
    plain = await enabledClientWithConnection(courier, { name: 'Cluster plain', defaultPickup: warehousePickup() });
    const service = await createService(courier, { code: 'CLUSTER_SAME_DAY', name: 'Same day', sla: { type: 'SAME_DAY', cutoff: '23:59' } });
    const table = await createRateTable(courier, { name: 'Flat', currency: 'USD', base: { method: 'FLAT', amount: 900 }, modifiers: [] });
    const client = await createClient(courier, { name: 'Cluster quoted', defaultPickup: warehousePickup() });
    const connection = await createGenericConnection(courier.api, client.id);
    await enableWithRule(courier, client.id, 'CHEAPEST');
    await assignServices(courier, client.id, [{ serviceId: service.id, rateTableId: table.id }]);
    quoted = { client, connection };
    // Order management and quoting both hold the client's service before its first event.
    await quoteWhen(sys.orders(courier.apiKey), { clientId: client.id, order: genericEvent().order }, (q) => q.quotes.length === 1 && q.quotes[0].price !== null, 30_000);
  }, 240_000);

  afterAll(async () => {
    await subscriber?.close();
    await sys?.stop();
    await cluster?.stop();
  }, 60_000);

  const announced = (order: Order) =>
    eventually(async () => {
      const created = subscriber.orderCreated().filter((e) => e.order.id === order.id);
      expect(created).toHaveLength(1);
      return created[0];
    }, 20_000);

  it('an event becomes a placed order and its order.created reaches the subscriber', async () => {
    const event = genericEvent({ externalId: `CL-${randomUUID()}` });
    expect((await sendWhenConfigured(plain.connection, event)).status).toBe(202);
    const order = await waitForOrder(sys.orders(courier.apiKey), plain.client.id, event.order.externalId);
    expect(order.status).toBe('PLACED');
    expect((await announced(order)).order.source.externalOrderId).toBe(event.order.externalId);
  });

  it('an order without weight is quoted into a Draft, finalised once the weight is added, and announced', async () => {
    const event = genericEvent({ externalId: `CL-D-${randomUUID()}` });
    delete event.order.weight;
    const orders = sys.orders(courier.apiKey);
    expect((await sendWhenConfigured(quoted.connection, event)).status).toBe(202);
    const draft = await waitForOrder(orders, quoted.client.id, event.order.externalId);
    expect(draft.status).toBe('DRAFT');
    expect(draft.draftReasons.map((r) => r.code)).toContain('MISSING_WEIGHT');
    const edited = await orders.patch<Order>(`/v1/orders/${draft.id}`, { weight: { value: 1.5, unit: 'kg' } });
    expect(edited.status).toBe(200);
    const placed = await eventually(async () => {
      const res = await orders.post<Order>(`/v1/orders/${draft.id}/finalize`, {});
      expect(res.status).toBe(200);
      return res.body;
    }, 20_000);
    expect(placed).toMatchObject({ status: 'PLACED', service: { code: 'CLUSTER_SAME_DAY', price: { amount: 900, currency: 'USD' } } });
    expect((await announced(placed)).order.service?.code).toBe('CLUSTER_SAME_DAY');
  });
});

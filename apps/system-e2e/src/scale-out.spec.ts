import type { ConnectionWithSecret, Order } from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import type { ApiResponse } from './support/api';
import { eventually, sleep } from './support/eventually';
import { createClient, createCourier, createGenericConnection, enabledClientWithConnection, genericEvent, sendWhenConfigured, warehousePickup, type Courier, type EnabledClient } from './support/fixtures';
import { sendSigned } from './support/hooks';
import { assignServices, createRateTable, createService, enableWithRule, quoteWhen } from './support/rates-and-services';
import { SubscriberCollector } from './support/subscriber';
import { E2E_SUBSCRIBER, startE2eSystem, type E2eSystem } from './support/system';
import { APPS } from '@portal/system-harness';

jest.setTimeout(300_000);

const PER_CLIENT = 100;

/**
 * Two replicas of every app against one PostgreSQL and one Redis, under load, and one replica of
 * each killed (SIGKILL) mid-flight: exactly one order per external order, and every order.created
 * delivered. Senders behave as platforms do: a delivery that got no 2xx is sent again, to whichever
 * gateway replica answers.
 */
describe('scale-out: two replicas of every app, one of each killed under load (system)', () => {
  let sys: E2eSystem;
  let subscriber: SubscriberCollector;
  let courier: Courier;
  let plain: EnabledClient;
  let quoted: EnabledClient;

  beforeAll(async () => {
    sys = await startE2eSystem({}, { replicas: 2 });
    subscriber = new SubscriberCollector(sys.system.redisUrl, sys.system.queuePrefix, E2E_SUBSCRIBER);
    await subscriber.ready();
    courier = await createCourier(sys, 'Scale-out courier');
    plain = await enabledClientWithConnection(courier, { name: 'Scale-out plain', defaultPickup: warehousePickup() });
    const service = await createService(courier, { code: 'SCALE_SAME_DAY', name: 'Same day', sla: { type: 'SAME_DAY', cutoff: '23:59' } });
    const table = await createRateTable(courier, { name: 'Flat', currency: 'USD', base: { method: 'FLAT', amount: 700 }, modifiers: [] });
    const client = await createClient(courier, { name: 'Scale-out quoted', defaultPickup: warehousePickup() });
    const connection = await createGenericConnection(courier.api, client.id);
    await enableWithRule(courier, client.id, 'CHEAPEST');
    await assignServices(courier, client.id, [{ serviceId: service.id, rateTableId: table.id }]);
    quoted = { client, connection };
    // Every replica of order management and quoting knows the quoted client's service, and both gateways both connections.
    await quoteWhen(sys.orders(courier.apiKey), { clientId: client.id, order: genericEvent().order }, (q) => q.quotes.length === 1 && q.quotes[0].price !== null, 30_000);
    for (const ec of [plain, quoted]) {
      for (const base of sys.system.replicaUrls['ingestion-gateway']) {
        const probe = genericEvent({ externalId: `SCALE-PROBE-${randomUUID()}` });
        expect((await sendWhenConfigured({ ...ec.connection, webhookUrl: on(base, ec.connection) }, probe)).status).toBe(202);
      }
    }
  }, 300_000);

  afterAll(async () => {
    await subscriber?.close();
    await sys?.stop();
  }, 60_000);

  /** The connection's webhook on one gateway replica. */
  const on = (base: string, connection: ConnectionWithSecret): string => `${base}${new URL(connection.webhookUrl).pathname}`;

  /** Delivers until a gateway replica answers 2xx, as a platform retries, alternating replicas. */
  async function deliver(connection: ConnectionWithSecret, event: unknown, attempt = 0): Promise<number> {
    const gateways = sys.system.replicaUrls['ingestion-gateway'];
    for (let i = attempt; i < attempt + 40; i++) {
      const res: ApiResponse | null = await sendSigned(on(gateways[i % gateways.length], connection), connection.signingSecret, event).catch(() => null);
      if (res && res.status >= 200 && res.status < 300) return res.status;
      await sleep(100);
    }
    throw new Error('no gateway replica accepted the delivery');
  }

  it('exactly one order per external order, every order.created delivered, with a replica of each app killed mid-flight', async () => {
    const events = [plain, quoted].flatMap((ec) => Array.from({ length: PER_CLIENT }, (_, i) => ({ ec, event: genericEvent({ externalId: `SCALE-${ec.client.id.slice(-4)}-${i}-${randomUUID()}` }) })));
    let sent = 0;
    const sending = Promise.all(
      events.map(async ({ ec, event }, i) => {
        await sleep(i * 15);
        // Some events are delivered twice, as platforms do.
        const status = await deliver(ec.connection, event, i);
        if (i % 10 === 0) await deliver(ec.connection, event, i + 1);
        sent++;
        return status;
      }),
    );
    await eventually(async () => expect(sent).toBeGreaterThanOrEqual(events.length * 0.4), 60_000, 20);
    const exits = await Promise.all(APPS.map((app) => sys.system.kill(app, 'SIGKILL', 1)));
    expect(exits.every((e) => e?.signal === 'SIGKILL')).toBe(true);
    await sending;

    const api = sys.orders(courier.apiKey);
    for (const ec of [plain, quoted]) {
      const wanted = new Set(events.filter((e) => e.ec === ec).map((e) => e.event.order.externalId));
      const orders = await eventually(async () => {
        const all = (await api.listAll<Order>('/v1/orders', { clientId: ec.client.id })).filter((o) => wanted.has(o.source.externalOrderId));
        expect(new Set(all.map((o) => o.source.externalOrderId)).size).toBe(wanted.size);
        return all;
      }, 120_000, 500);
      expect(orders).toHaveLength(wanted.size);
      expect(orders.every((o) => o.status === 'PLACED')).toBe(true);
      if (ec === quoted) expect(orders.every((o) => o.service?.code === 'SCALE_SAME_DAY')).toBe(true);
      await eventually(() => {
        const delivered = new Set(subscriber.orderCreated().map((e) => e.order.id));
        for (const order of orders) expect(delivered.has(order.id)).toBe(true);
      }, 120_000, 500);
    }
  });
});

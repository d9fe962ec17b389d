import { MikroORM } from '@mikro-orm/core';
import { ConnectionDeliveriesJobSchema, QueueNames, signGenericPayload } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';
import { ReceiveDelivery } from '../src/hooks/receive-delivery.use-case';
import { gatewayService } from '../src/ingestion-gateway.service';

describe('connection activity: verified deliveries reach client settings in batches (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let receive: ReceiveDelivery;
  const prefix = testQueuePrefix();
  const activity = new Queue(QueueNames.settingsActivity, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
  const secret = 'whsec_activity_secret_long_enough';
  const enabled = uuidv7();
  const disabled = uuidv7();
  const unsigned = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gwact', queuePrefix: prefix, env: { GATEWAY_CACHE_TTL_MS: '0', ACTIVITY_FLUSH_MS: '100' } });
    receive = service.app.get(ReceiveDelivery);
    const em = service.app.get(MikroORM).em.fork();
    const courierId = uuidv7();
    const [on, off] = [uuidv7(), uuidv7()];
    await em.insertMany(ClientView, [
      { id: on, courierId, timezone: 'UTC', orderCreationEnabled: true, version: '1' },
      { id: off, courierId, timezone: 'UTC', orderCreationEnabled: false, version: '1' },
    ]);
    const connection = { courierId, platform: 'generic' as const, settings: {}, secrets: [{ secret, expiresAt: null }], deleted: false, version: '1' };
    await em.insertMany(ConnectionView, [
      { ...connection, id: enabled, clientId: on },
      { ...connection, id: disabled, clientId: off },
      { ...connection, id: unsigned, clientId: on },
    ]);
  });

  afterAll(async () => {
    await activity.obliterate({ force: true });
    await activity.close();
    await service?.stop();
  });

  const body = (externalId: string) =>
    JSON.stringify({
      id: `evt-${externalId}`,
      type: 'order.created',
      occurredAt: '2026-11-24T15:00:00Z',
      order: { externalId, dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } },
    });
  const delivery = (raw: string, receivedAt: Date, signature = signGenericPayload(secret, raw)) => ({
    headers: { 'content-type': 'application/json', 'x-signature': signature },
    body: Buffer.from(raw),
    receivedAt,
  });

  const deliveriesSent = async () =>
    (await activity.getJobs(['waiting', 'completed', 'failed', 'active', 'delayed'])).flatMap((j) => ConnectionDeliveriesJobSchema.parse(j.data).deliveries);

  it('notes accepted, repeated and refused-after-verification deliveries, the latest per connection, and nothing unverified', async () => {
    const first = new Date('2026-11-24T15:00:01.000Z');
    const latest = new Date('2026-11-24T15:00:03.000Z');
    const refusedAt = new Date('2026-11-24T15:00:02.000Z');
    const raw = body(`A-${uuidv7()}`);
    // Signed at receipt time, as the sender would: the tolerance check uses receivedAt.
    const signedAt = (at: Date, text: string) => signGenericPayload(secret, text, Math.floor(at.getTime() / 1000));
    expect((await receive.execute(enabled, delivery(raw, first, signedAt(first, raw)))).status).toBe(202);
    expect((await receive.execute(enabled, delivery(raw, latest, signedAt(latest, raw)))).status).toBe(200);
    const off = body(`B-${uuidv7()}`);
    await expect(receive.execute(disabled, delivery(off, refusedAt, signedAt(refusedAt, off)))).rejects.toMatchObject({ status: 403 });
    await expect(receive.execute(unsigned, delivery(raw, latest, 't=1,v1=00'))).rejects.toMatchObject({ status: 401 });

    let sent = await deliveriesSent();
    const latestBy = (id: string) => sent.filter((d) => d.connectionId === id).map((d) => d.at).sort().pop();
    const deadline = Date.now() + 10_000;
    while ((latestBy(enabled) !== latest.toISOString() || latestBy(disabled) === undefined) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      sent = await deliveriesSent();
    }
    expect(latestBy(enabled)).toBe(latest.toISOString());
    expect(latestBy(disabled)).toBe(refusedAt.toISOString());
    expect(latestBy(unsigned)).toBeUndefined();
  });
});

import { ConnectionSchema, pageOf, QueueNames } from '@portal/contracts';
import { bullJob } from '@portal/messaging';
import { ServiceUnderTest, startServiceForTest, TEST_OPERATOR_TOKEN, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { clientSettingsService } from '../src/client-settings.service';

const ConnectionPageSchema = pageOf(ConnectionSchema);

describe('connection health and the silent-connections gauge (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let base: string;
  const prefix = testQueuePrefix();
  const activity = new Queue(QueueNames.settingsActivity, { connection: { host: '127.0.0.1', port: 6379 }, prefix });

  beforeAll(async () => {
    service = await startServiceForTest(clientSettingsService, { label: 'cshealth', queuePrefix: prefix, http: true });
    base = service.url ?? '';
  });

  afterAll(async () => {
    await activity.obliterate({ force: true });
    await activity.close();
    await service?.stop();
  });

  const call = async <T = Record<string, string>>(method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  const delivered = async (deliveries: { connectionId: string; at: string }[]) => {
    const { name, data, opts } = bullJob({ queue: QueueNames.settingsActivity, data: { v: 1, name: 'connection.deliveries', deliveries } });
    const job = await activity.add(name, data, opts);
    const deadline = Date.now() + 10_000;
    while ((await job.getState()) !== 'completed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await job.getState()).toBe('completed');
  };

  const silentGauge = async (courierId: string): Promise<number | null> => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`integration_connections_silent{courier_id="${courierId}"}`));
    return line ? Number(line.split(' ').pop()) : null;
  };

  it('is NEW until a delivery, OK after one, SILENT once quiet past silentAfterHours; the gauge counts the silent ones', async () => {
    const courier = await call('POST', '/v1/couriers', TEST_OPERATOR_TOKEN, { name: 'Health' });
    const key = courier.body.apiKey;
    const client = await call('POST', '/v1/clients', key, { name: 'Shop', timezone: 'UTC', units: 'kg' });
    const path = `/v1/clients/${client.body.id}/connections`;
    const quiet = await call('POST', path, key, { platform: 'woocommerce', name: 'Quiet store', settings: { silentAfterHours: 0.0003 } });
    const busy = await call('POST', path, key, { platform: 'generic', name: 'Busy store' });
    const gone = await call('POST', path, key, { platform: 'generic', name: 'Removed', settings: { silentAfterHours: 0.0003 } });
    expect(quiet).toMatchObject({ status: 201, body: { lastDeliveryAt: null, health: 'NEW', settings: { silentAfterHours: 0.0003 } } });

    const longAgo = new Date(Date.now() - 60_000).toISOString();
    const justNow = new Date().toISOString();
    await delivered([
      { connectionId: quiet.body.id, at: longAgo },
      { connectionId: busy.body.id, at: justNow },
      { connectionId: gone.body.id, at: longAgo },
    ]);
    expect((await call('DELETE', `${path}/${gone.body.id}`, key)).status).toBe(204);

    const listed = ConnectionPageSchema.parse((await call('GET', path, key)).body);
    const byName = Object.fromEntries(listed.items.map((c) => [c.name, c]));
    expect(byName['Quiet store']).toMatchObject({ lastDeliveryAt: longAgo, health: 'SILENT' });
    expect(byName['Busy store']).toMatchObject({ lastDeliveryAt: justNow, health: 'OK' });
    expect(await silentGauge(courier.body.id)).toBe(1);

    // A delivery older than the one shown changes nothing; a newer one makes it OK again, in every answer.
    await delivered([{ connectionId: busy.body.id, at: longAgo }]);
    const patched = await call('PATCH', `${path}/${busy.body.id}`, key, { name: 'Busy store' });
    expect(patched.body).toMatchObject({ lastDeliveryAt: justNow, health: 'OK' });
    await delivered([{ connectionId: quiet.body.id, at: new Date().toISOString() }]);
    const rotated = await call('POST', `${path}/${quiet.body.id}/rotate-secret`, key, {});
    expect(rotated.body).toMatchObject({ health: 'OK' });
    expect(await silentGauge(courier.body.id)).toBeNull();
  });

  it('refuses a silentAfterHours that is not a positive number of hours', async () => {
    const courier = await call('POST', '/v1/couriers', TEST_OPERATOR_TOKEN, { name: 'Bad settings' });
    const client = await call('POST', '/v1/clients', courier.body.apiKey, { name: 'Shop', timezone: 'UTC', units: 'kg' });
    for (const silentAfterHours of [0, -1, 'soon']) {
      const res = await call<{ error: { details: { path: string }[] } }>('POST', `/v1/clients/${client.body.id}/connections`, courier.body.apiKey, { platform: 'generic', settings: { silentAfterHours } });
      expect(res).toMatchObject({ status: 400, body: { error: { details: [{ path: 'settings.silentAfterHours' }] } } });
    }
  });
});

import { MikroORM } from '@mikro-orm/core';
import { ApiKeyChangedJob, ApiKeyUsesJobSchema, QueueNames } from '@portal/contracts';
import { bullJob } from '@portal/messaging';
import { hashApiKey, newApiKey } from '@portal/service-kit';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ApiKeyView } from '../src/entities/api-key-view.entity';
import { orderManagementService } from '../src/order-management.service';

describe('API keys in order management: uses sent to client settings, revocations refused (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  const prefix = testQueuePrefix();
  const connection = { host: '127.0.0.1', port: 6379 };
  const activity = new Queue(QueueNames.settingsActivity, { connection, prefix });
  const settings = new Queue(QueueNames.settingsForOrderManagement, { connection, prefix });
  const apiKey = newApiKey();
  const key = { id: uuidv7(), keyHash: hashApiKey(apiKey), courierId: uuidv7(), clientId: null };

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'omkeys', queuePrefix: prefix, http: true, env: { ACTIVITY_FLUSH_MS: '100' } });
    await service.app.get(MikroORM).em.fork().insert(ApiKeyView, { ...key, revoked: false, version: '1' });
  });

  afterAll(async () => {
    for (const queue of [activity, settings]) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await service?.stop();
  });

  const listOrders = (token: string) => fetch(`${service.url}/v1/orders`, { headers: { authorization: `Bearer ${token}` } });
  const until = async (probe: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await probe()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  };

  it('sends the last use of each key to client settings as an api-key.uses batch', async () => {
    const before = Date.now();
    expect((await listOrders(apiKey)).status).toBe(200);
    expect((await listOrders(apiKey)).status).toBe(200);
    let uses: { keyId: string; at: string }[] = [];
    await until(async () => {
      const jobs = await activity.getJobs(['waiting', 'active', 'completed']);
      uses = jobs.flatMap((j) => ApiKeyUsesJobSchema.parse(j.data).uses).filter((u) => u.keyId === key.id);
      return uses.length > 0;
    });
    // Two requests, one entry per batch: both in one flush, or one in each if a flush fell between.
    expect(uses.length).toBeGreaterThanOrEqual(1);
    for (const use of uses) expect(Date.parse(use.at)).toBeGreaterThanOrEqual(before);
  });

  it('refuses a key with 401 once its revocation reaches the projection', async () => {
    const revoked: ApiKeyChangedJob = { v: 1, name: 'api-key.changed', version: 2, apiKey: { ...key, revoked: true } };
    const { name, data, opts } = bullJob({ queue: QueueNames.settingsForOrderManagement, data: revoked });
    await settings.add(name, data, opts);
    let status = 0;
    await until(async () => (status = (await listOrders(apiKey)).status) === 401);
    expect(status).toBe(401);
  });
});

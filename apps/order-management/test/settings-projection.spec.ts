import { MikroORM } from '@mikro-orm/core';
import { ClientChangedJob, QueueNames } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { orderManagementService } from '../src/order-management.service';

describe('settings projection (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let queue: Queue;
  const prefix = testQueuePrefix();

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'omproj', queuePrefix: prefix });
    queue = new Queue(QueueNames.settingsForOrderManagement, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    await service?.stop();
  });

  const change = (id: string, version: number, timezone: string): ClientChangedJob => ({
    v: 1,
    name: 'client.changed',
    version,
    client: { id, courierId: id, name: 'Shop', timezone, units: 'kg', defaultPickup: null, orderCreationEnabled: true, serviceSelectionRule: null, usesRatesAndServices: false },
  });

  it('keeps the newest version whatever order changes arrive in, and fails malformed jobs for good', async () => {
    const id = uuidv7();
    await queue.add('client.changed', change(id, 5, 'Europe/Paris'));
    await queue.add('client.changed', change(id, 3, 'Asia/Tokyo'));
    const bad = await queue.add('client.changed', { v: 1, name: 'client.changed', version: 'x' });
    const em = service.app.get(MikroORM).em.fork();
    const deadline = Date.now() + 10_000;
    while ((await queue.getJobCountByTypes('completed', 'failed')) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await em.findOneOrFail(ClientView, { id })).toMatchObject({ timezone: 'Europe/Paris', version: '5' });
    const failed = await queue.getJob(bad.id ?? '');
    expect(failed?.failedReason).toMatch(/does not match its contract/);
    expect(failed?.attemptsMade).toBe(1);
  });
});

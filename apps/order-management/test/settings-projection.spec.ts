import { MikroORM } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ClientChangedJob, QueueNames } from '@portal/contracts';
import { createTestDatabase, migrate, testQueuePrefix, TestDatabase } from '@portal/service-kit';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { OrderManagementModule } from '../src/app.module';
import { OrderManagementConfigSchema } from '../src/config';
import { ClientView } from '../src/entities/client-view.entity';
import { ormOptions } from '../src/orm-options';

describe('settings projection (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let queue: Queue;
  const prefix = testQueuePrefix();

  beforeAll(async () => {
    db = await createTestDatabase('omproj');
    const config = OrderManagementConfigSchema.parse({ OPERATOR_TOKEN: 'operator-token-for-tests', DATABASE_URL: db.url, QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' });
    await migrate(ormOptions(config));
    app = await (await Test.createTestingModule({ imports: [OrderManagementModule.create(config)] }).compile()).init();
    queue = new Queue(QueueNames.settingsForOrderManagement, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    await app?.close();
    await db?.drop();
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
    const em = app.get(MikroORM).em.fork();
    const deadline = Date.now() + 10_000;
    while ((await queue.getJobCountByTypes('completed', 'failed')) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await em.findOneOrFail(ClientView, { id })).toMatchObject({ timezone: 'Europe/Paris', version: '5' });
    const failed = await queue.getJob(bad.id ?? '');
    expect(failed?.failedReason).toMatch(/does not match its contract/);
    expect(failed?.attemptsMade).toBe(1);
  });
});

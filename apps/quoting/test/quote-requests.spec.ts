import { QueueNames, QuoteRequestedJob, QuoteResultSchema, SettingsJob } from '@portal/contracts';
import { workedExample } from '@portal/order-domain';
import { ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue, QueueEvents } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { quotingService } from '../src/quoting.service';

describe('quoting over its queues (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let settings: Queue;
  let requests: Queue;
  let events: QueueEvents;
  let previews: Queue;
  let previewEvents: QueueEvents;
  const prefix = testQueuePrefix();
  const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
  const courierId = uuidv7();
  const clientId = uuidv7();
  const serviceId = uuidv7();
  const rateTableId = uuidv7();
  const now = '2026-11-24T16:00:00.000Z';

  beforeAll(async () => {
    service = await startServiceForTest(quotingService, { label: 'quoting', queuePrefix: prefix });
    settings = new Queue(QueueNames.settingsForQuoting, { connection, prefix });
    requests = new Queue(QueueNames.quoteRequests, { connection, prefix });
    events = new QueueEvents(QueueNames.quoteRequests, { connection, prefix });
    previews = new Queue(QueueNames.quotePreviews, { connection, prefix });
    previewEvents = new QueueEvents(QueueNames.quotePreviews, { connection, prefix });
    const changes: SettingsJob[] = [
      {
        v: 1,
        name: 'client.changed',
        version: 1,
        client: { id: clientId, courierId, name: 'Shop', timezone: 'America/New_York', units: 'kg', defaultPickup: null, orderCreationEnabled: true, serviceSelectionRule: 'CHEAPEST', usesRatesAndServices: true },
      },
      {
        v: 1,
        name: 'service.changed',
        version: 2,
        deleted: false,
        service: { id: serviceId, courierId, code: 'RUSH_2H', name: 'Rush', sla: { type: 'WITHIN', minutes: 120 }, createdAt: now, updatedAt: now },
      },
      {
        v: 1,
        name: 'rate-table.changed',
        version: 3,
        deleted: false,
        rateTable: { id: rateTableId, courierId, ...workedExample.rateTable, createdAt: now, updatedAt: now },
      },
      { v: 1, name: 'client-services.changed', version: 4, clientId, courierId, assignments: [{ serviceId, rateTableId }] },
    ];
    await settings.addBulk(changes.map((data) => ({ name: data.name, data })));
    const deadline = Date.now() + 10_000;
    while ((await settings.getJobCountByTypes('completed')) < changes.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  });

  afterAll(async () => {
    await Promise.all([events?.close(), previewEvents?.close()]);
    await Promise.all([settings, requests, previews].map(async (q) => (await q?.obliterate({ force: true }), await q?.close())));
    await service?.stop();
  });

  const task = (location: { lat: number; lng: number }) => ({
    address: { line1: '1 Main St', city: 'New York', postalCode: '10001', country: 'US', location },
    contact: { name: 'Ada' },
    completeAfter: null,
    completeBefore: null,
    notes: null,
  });

  const ask = async (order: Partial<QuoteRequestedJob['order']>, on: { queue: Queue; events: QueueEvents } = { queue: requests, events }) => {
    const request: QuoteRequestedJob = {
      v: 1,
      name: 'quote.requested',
      clientId,
      courierId,
      correlationId: 'spec',
      order: { pickup: task(workedExample.pickup), dropoff: task(workedExample.dropoff), readyBy: '2030-01-08T14:00:00.000Z', dueBy: null, weight: workedExample.weight, pieces: 1, serviceCode: null, ...order },
    };
    const job = await on.queue.add(request.name, request);
    return QuoteResultSchema.parse(await job.waitUntilFinished(on.events, 10_000));
  };

  it('answers with the price and window of its copy of the services, and the pick', async () => {
    const result = await ask({});
    expect(result.pick).toEqual({ serviceId, code: 'RUSH_2H' });
    expect(result.quotes).toEqual([
      {
        serviceId,
        code: 'RUSH_2H',
        eligible: true,
        reasons: [],
        price: { amount: workedExample.expectedAmount, currency: 'USD' },
        completionWindow: { start: '2030-01-08T14:00:00.000Z', end: '2030-01-08T16:00:00.000Z' },
      },
    ]);
  });

  it("answers people's quotes on their own queue alike", async () => {
    expect(await ask({}, { queue: previews, events: previewEvents })).toEqual(await ask({}));
  });

  it('reports what stops a quote as draft reasons', async () => {
    const result = await ask({ weight: null, serviceCode: 'NOPE' });
    expect(result.pick).toBeNull();
    expect(result.draftReasons.map((r) => r.code).sort()).toEqual(['INVALID_SERVICE', 'MISSING_WEIGHT']);
  });
});

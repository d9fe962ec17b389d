import { MikroORM } from '@mikro-orm/core';
import { IntakeJobSchema, QueueNames, signGenericPayload, type IntakeJob, type Platform } from '@portal/contracts';
import { errorShapeProblem, sendRaw, ServiceUnderTest, startServiceForTest, testQueuePrefix } from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { StoredEvent } from '../src/entities/stored-event.entity';
import { gatewayService } from '../src/ingestion-gateway.service';
import { fixture, shopifyDelivery, wooDelivery } from './platform-support';
import { seedConnections } from './seed-connections';

const SECRET = 'whsec_unstorable_tests_0123456789';
const REPLACEMENT = '\ufffd';

/** A signed delivery of `body` as each platform sends it, and where the dropoff's first line comes from. */
const PLATFORMS: Record<Platform, { base: () => string; line1: string; sign: (body: string) => Record<string, string> }> = {
  generic: {
    base: () =>
      JSON.stringify({
        id: `evt-${randomUUID()}`,
        type: 'order.created',
        occurredAt: '2026-11-24T15:00:00Z',
        order: { externalId: `A-${randomUUID()}`, dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } },
      }),
    line1: '1 Main St',
    sign: (body) => ({ 'content-type': 'application/json', 'x-signature': signGenericPayload(SECRET, body) }),
  },
  shopify: {
    // A new order id each time, so every delivery is a new order rather than a repeat.
    base: () => fixture('shopify', 'order-64bit-ids.json').replace('"id": 820982911946154508', `"id": ${Date.now()}${Math.floor(Math.random() * 1000)}`),
    line1: '1000 5th Ave',
    sign: (body) => shopifyDelivery(body, SECRET).headers as Record<string, string>,
  },
  woocommerce: {
    base: () => fixture('woocommerce', 'order-created-processing.json').replace(/"id": \d+/, `"id": ${Date.now()}${Math.floor(Math.random() * 1000)}`),
    line1: '285 Fulton St',
    sign: (body) => wooDelivery(body, SECRET).headers as Record<string, string>,
  },
};

// Explicit cases of two kinds of bad input (the fuzz spec sends them too, among many): text that
// PostgreSQL cannot store as sent, which the gateway makes storable (a platform cannot change what
// it resends), and bodies nested 10,000 levels, refused with a 400 and a record.
describe('webhooks with unstorable text or deep nesting (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  let intake: Queue;
  const prefix = testQueuePrefix();
  const connections = {} as Record<Platform, string>;

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gwtext', http: true, queuePrefix: prefix, env: { GATEWAY_CACHE_TTL_MS: '0' } });
    orm = service.app.get(MikroORM);
    intake = new Queue(QueueNames.orderIntake, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    Object.assign(connections, await seedConnections(orm, Object.keys(PLATFORMS) as Platform[], SECRET));
  });

  afterAll(async () => {
    await intake?.obliterate({ force: true });
    await intake?.close();
    await service?.stop();
  });

  const deliver = (platform: Platform, body: string) =>
    sendRaw(service.url ?? '', { method: 'POST', path: `/v1/hooks/${connections[platform]}`, headers: PLATFORMS[platform].sign(body), body });

  async function intakeJob(eventId: string): Promise<IntakeJob> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = (await intake.getJobs(['waiting', 'prioritized', 'delayed'])).map((j) => IntakeJobSchema.parse(j.data)).find((j) => j.eventId === eventId);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no intake job for event ${eventId}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  describe.each(Object.keys(PLATFORMS) as Platform[])('%s', (platform) => {
    const { base, line1 } = PLATFORMS[platform];

    it('accepts an event whose text holds lone surrogates (valid JSON escapes), storing U+FFFD in their place', async () => {
      // A lone high surrogate, a lone low one, and a proper pair that must survive as it is.
      const body = base().replace(`"${line1}"`, `"${line1} \\ud800 \\udfff \\ud83d\\ude00"`);
      expect(body).toContain('\\ud800');
      const answer = await deliver(platform, body);
      expect(answer.status).toBe(202);
      const job = await intakeJob(JSON.parse(answer.text).eventId);
      if (job.name !== 'integration-event.accepted' || job.event.type === 'order.cancelled') throw new Error(`expected an accepted create, got ${job.name}`);
      expect(job.event.order.dropoff.address.line1).toBe(`${line1} ${REPLACEMENT} ${REPLACEMENT} \u{1F600}`);
      // The raw bytes, which the signature covers, are kept exactly as they arrived.
      const [stored] = await orm.em.fork().find(StoredEvent, { id: job.eventId });
      expect(stored.body.toString('utf8')).toBe(body);
    });

    it.each([
      ['arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
      ['objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ])('refuses a signed body with a field nested 10,000 levels of %s: 400, recorded REJECTED, nothing stored', async (_kind, deep) => {
      const body = base().replace(/^\{/, `{"nested":${deep},`);
      const before = await orm.em.fork().count(StoredEvent, { connectionId: connections[platform] });
      const answer = await deliver(platform, body);
      expect(answer.status).toBe(400);
      expect(errorShapeProblem(answer)).toBeNull();
      expect(JSON.parse(answer.text).error).toMatchObject({ code: 'INVALID_JSON', message: expect.stringContaining('deeper than 64 levels') });
      const recorded = await eventually(async () => {
        const jobs = (await intake.getJobs(['waiting'])).map((j) => IntakeJobSchema.parse(j.data));
        return jobs.find((j) => j.connectionId === connections[platform] && j.name === 'integration-event.recorded' && /deeper than 64 levels/.test(j.reason)) ?? null;
      });
      expect(recorded).toMatchObject({ outcome: 'REJECTED' });
      expect(await orm.em.fork().count(StoredEvent, { connectionId: connections[platform] })).toBe(before);
    });
  });
});

async function eventually<T>(probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

import { MikroORM } from '@mikro-orm/core';
import { IntakeJobSchema, QueueNames, signGenericPayload, type Platform } from '@portal/contracts';
import {
  changedState,
  FUZZ_SEED,
  fuzzEndpoints,
  settledState,
  startServiceForTest,
  type FuzzReport,
  type ServiceUnderTest,
  type StateSource,
} from '@portal/service-kit/testing';
import { Queue } from 'bullmq';
import { gatewayService } from '../src/ingestion-gateway.service';
import { SCHEMA } from '../src/schema';
import { fixture, shopifyDelivery, wooDelivery } from './platform-support';
import { seedConnections } from './seed-connections';

jest.setTimeout(600_000);

const SECRET = 'whsec_fuzz_tests_0123456789abcdef';

const withoutKeys = (json: string, drop: (order: Record<string, unknown>) => void): string => {
  const order = JSON.parse(json.replace(/"id": (\d{16,})/g, '"id": "$1"')) as Record<string, unknown>;
  drop(order);
  return JSON.stringify(order);
};

/**
 * Per platform: how it signs, a payload it accepts (sent unsigned), and one it refuses however the
 * fuzz mutates it. The refusal is built so no mutation can undo it: what is missing is a key (the
 * generic event's dropoff, every address of a Shopify or WooCommerce order), and the fuzz only
 * replaces values that exist, with junk or random JSON at most two levels deep, which cannot
 * rebuild an address or a dropoff.
 */
const PLATFORMS: Record<Platform, { sign: (body: Buffer) => Record<string, string>; accepted: string; refused: string }> = {
  generic: {
    sign: (body) => ({ 'x-signature': signGenericPayload(SECRET, body) }),
    accepted: JSON.stringify({
      id: 'evt-fuzz-1',
      type: 'order.created',
      occurredAt: '2026-11-24T15:00:00Z',
      order: { externalId: 'FUZZ-1', dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } }, weight: { value: 2, unit: 'kg' }, pieces: 1 },
    }),
    refused: JSON.stringify({
      id: 'evt-fuzz-2',
      type: 'order.created',
      occurredAt: '2026-11-24T15:00:00Z',
      order: { externalId: 'FUZZ-2', pickup: { address: { line1: '1 Dock', city: 'Newark', postalCode: '07102', country: 'US' }, contact: { name: 'Dock' } }, weight: { value: 2, unit: 'kg' }, pieces: 1, notes: 'no dropoff' },
    }),
  },
  shopify: {
    sign: (body) => platformHeaders(shopifyDelivery(body.toString('utf8'), SECRET).headers),
    accepted: fixture('shopify', 'order-64bit-ids.json'),
    refused: withoutKeys(fixture('shopify', 'order-64bit-ids.json'), (order) => {
      delete order.shipping_address;
      delete order.billing_address;
      delete order.customer;
    }),
  },
  woocommerce: {
    sign: (body) => platformHeaders(wooDelivery(body.toString('utf8'), SECRET).headers),
    accepted: fixture('woocommerce', 'order-created-processing.json'),
    refused: withoutKeys(fixture('woocommerce', 'order-created-processing.json'), (order) => {
      delete order.shipping;
      delete order.billing;
    }),
  },
};

/** A platform's headers, less the content type (each fuzz case sets its own). */
function platformHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'content-type'));
}

// The webhook of a real connection of each platform, fuzzed twice from the OpenAPI document (plus
// /health and /ready), with the rule each run must keep:
// - unsigned, mutating a payload the platform would have had accepted: nothing may change at all;
// - correctly signed, mutating a payload the gateway must refuse: no event may be accepted. What
//   may change is the refusal records a verified delivery leaves ("a clear error and a record"):
//   `integration-event.recorded` jobs (REJECTED or IGNORED) in the outbox and on the intake queue,
//   the refused deliveries kept for replays, the rate limiter's counters, and the batch of verified
//   deliveries sent to client settings (connection health). Every other table, the events table
//   first, stays as it was.
// Never a 5xx, and every 4xx is the contract's JSON error. Replay a failure with FUZZ_SEED=<seed>.
describe(`ingestion gateway fuzz (seed ${FUZZ_SEED})`, () => {
  let service: ServiceUnderTest<unknown>;
  let state: StateSource;
  let intake: Queue;
  const connections = {} as Record<Platform, string>;
  const refusalKeys = /:(order-intake|settings-activity):/;

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gwfuzz', http: true, env: { GATEWAY_RATE_LIMIT_PER_SECOND: '1000000' } });
    // Rate-limit counters tick and a verified delivery records the connection's last delivery (PRODUCT 2.1): neither is the event's data.
    state = { databaseUrl: service.db.url, schema: SCHEMA, redisUrl: 'redis://127.0.0.1:6379', queuePrefix: service.queuePrefix, ignoreKeys: /:gateway-rate:|:settings-activity:/ };
    intake = new Queue(QueueNames.orderIntake, { connection: { host: '127.0.0.1', port: 6379 }, prefix: service.queuePrefix });
    Object.assign(connections, await seedConnections(service.app.get(MikroORM), Object.keys(PLATFORMS) as Platform[], SECRET));
  });

  afterAll(async () => {
    await intake?.obliterate({ force: true });
    await intake?.close();
    await service?.stop();
  });

  const fuzzWebhook = (platform: Platform, signed: boolean): Promise<FuzzReport> =>
    fuzzEndpoints(service.url ?? '', {
      seed: FUZZ_SEED,
      target: (op) =>
        op.path === '/v1/hooks/{connectionId}'
          ? {
              pathValues: { connectionId: connections[platform] },
              document: signed ? PLATFORMS[platform].refused : PLATFORMS[platform].accepted,
              headers: (body) => (signed ? PLATFORMS[platform].sign(body ?? Buffer.alloc(0)) : {}),
            }
          : { headers: () => ({}) },
    });

  const summary = (label: string, report: FuzzReport): string =>
    `gateway fuzz ${label}, seed ${FUZZ_SEED}: ${report.sent} requests over ${report.operations.join(', ')}, answers ${JSON.stringify(report.statuses)}`;

  it.each(Object.keys(PLATFORMS) as Platform[])('%s, unsigned: never a 5xx, every 4xx an error body, and nothing changes', async (platform) => {
    const before = await settledState(state);
    const report = await fuzzWebhook(platform, false);
    console.log(summary(`${platform} unsigned`, report));
    expect(report.operations).toContain('POST /v1/hooks/{connectionId}');
    expect(report.failures).toEqual([]);
    expect(report.statuses[202]).toBeUndefined();
    expect(changedState(before, await settledState(state))).toEqual([]);
  });

  it.each(Object.keys(PLATFORMS) as Platform[])('%s, signed: never a 5xx, no event accepted, only refusal records', async (platform) => {
    const before = await settledState(state);
    const jobsBefore = new Set((await intake.getJobs()).map((j) => j.id));
    const report = await fuzzWebhook(platform, true);
    console.log(summary(`${platform} signed`, report));
    expect(report.failures).toEqual([]);
    expect(report.statuses[202]).toBeUndefined();
    const after = await settledState(state);
    expect(changedState(before, after, { tables: ['outbox', 'refused_deliveries'], keys: refusalKeys })).toEqual([]);
    // What did change: refusal records only, each with its reason.
    const added = (await intake.getJobs()).filter((j) => !jobsBefore.has(j.id)).map((j) => IntakeJobSchema.parse(j.data));
    expect(added.length).toBeGreaterThan(0);
    const kinds = new Set(added.map((j) => (j.name === 'integration-event.recorded' ? `${j.name} ${j.outcome}` : j.name)));
    expect([...kinds].every((kind) => /^integration-event\.recorded (REJECTED|IGNORED)$/.test(kind))).toBe(true);
  });
});

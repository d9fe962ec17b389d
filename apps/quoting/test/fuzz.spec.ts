import { changedState, FUZZ_SEED, fuzzEndpoints, settledState, startServiceForTest, type ServiceUnderTest, type StateSource } from '@portal/service-kit/testing';
import { quotingService } from '../src/quoting.service';
import { SCHEMA } from '../src/schema';

jest.setTimeout(120_000);

// Quoting answers over queues; what it serves over HTTP (health, readiness) is fuzzed like every
// other app's endpoints, straight from its OpenAPI document: never a 5xx, every 4xx the contract's
// JSON error, nothing changed. Replay a failure with FUZZ_SEED=<seed>.
describe(`quoting fuzz (seed ${FUZZ_SEED})`, () => {
  let service: ServiceUnderTest<unknown>;
  let state: StateSource;

  beforeAll(async () => {
    service = await startServiceForTest(quotingService, { label: 'qfuzz', http: true });
    state = { databaseUrl: service.db.url, schema: SCHEMA, redisUrl: 'redis://127.0.0.1:6379', queuePrefix: service.queuePrefix };
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('answers every bad request without a 5xx and changes nothing', async () => {
    const before = await settledState(state);
    const report = await fuzzEndpoints(service.url ?? '', { seed: FUZZ_SEED, target: () => ({ headers: () => ({}) }) });
    console.log(`quoting fuzz, seed ${FUZZ_SEED}: ${report.sent} requests over ${report.operations.length} operations, answers ${JSON.stringify(report.statuses)}`);
    expect(report.operations).toEqual(expect.arrayContaining(['GET /health', 'GET /ready']));
    expect(report.failures).toEqual([]);
    expect(changedState(before, await settledState(state))).toEqual([]);
  });
});

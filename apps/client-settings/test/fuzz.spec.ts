import {
  changedState,
  FUZZ_SEED,
  fuzzEndpoints,
  sendRaw,
  settledState,
  startServiceForTest,
  TEST_OPERATOR_TOKEN,
  type FuzzReport,
  type ServiceUnderTest,
  type StateSource,
} from '@portal/service-kit/testing';
import { clientSettingsService } from '../src/client-settings.service';
import { SCHEMA } from '../src/schema';

jest.setTimeout(300_000);

// Every endpoint client settings documents, sent seeded bad input with a courier key (the operator
// token for POST /v1/couriers), at ids that exist and ids that do not. Never a 5xx; every 4xx is the
// contract's JSON error; and nothing changes: every table of the schema (outbox included) and every
// queue key of the run are as they were. Replay a failure with FUZZ_SEED=<seed>.
describe(`client settings fuzz (seed ${FUZZ_SEED})`, () => {
  let service: ServiceUnderTest<unknown>;
  let state: StateSource;
  let courierKey: string;
  const ids: Record<string, string> = {};

  const call = async (method: string, path: string, body: unknown, token: string): Promise<{ id: string; apiKey: string }> => {
    const res = await sendRaw(service.url ?? '', { method, path, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${res.text}`);
    return JSON.parse(res.text);
  };

  beforeAll(async () => {
    service = await startServiceForTest(clientSettingsService, { label: 'csfuzz', http: true });
    state = {
      databaseUrl: service.db.url,
      schema: SCHEMA,
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: service.queuePrefix,
      // Every authenticated request is a use of its key: recording it is bookkeeping, not a change.
      ignoreColumns: { api_keys: ['last_used_at'] },
    };
    courierKey = (await call('POST', '/v1/couriers', { name: 'Fuzz Couriers' }, TEST_OPERATOR_TOKEN)).apiKey;
    // One of everything, so the fuzz also reaches ids that exist.
    ids.clientId = (await call('POST', '/v1/clients', { name: 'Fuzz Flowers', timezone: 'America/New_York', units: 'kg' }, courierKey)).id;
    ids.serviceId = (await call('POST', '/v1/services', { code: 'RUSH_2H', name: 'Rush', sla: { type: 'WITHIN', minutes: 120 } }, courierKey)).id;
    ids.rateTableId = (await call('POST', '/v1/rate-tables', { name: 'Flat', currency: 'USD', base: { method: 'FLAT', amount: 900 } }, courierKey)).id;
    ids.connectionId = (await call('POST', `/v1/clients/${ids.clientId}/connections`, { platform: 'generic' }, courierKey)).id;
    await call('PUT', `/v1/clients/${ids.clientId}/services`, [{ serviceId: ids.serviceId, rateTableId: ids.rateTableId }], courierKey);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('answers every bad request with a 4xx error body (never a 5xx) and changes nothing', async () => {
    const before = await settledState(state);
    const report: FuzzReport = await fuzzEndpoints(service.url ?? '', {
      seed: FUZZ_SEED,
      target: (op) => ({
        pathValues: ids,
        headers: () => ({ authorization: `Bearer ${op.path === '/v1/couriers' ? TEST_OPERATOR_TOKEN : courierKey}` }),
      }),
    });
    console.log(`client settings fuzz, seed ${FUZZ_SEED}: ${report.sent} requests over ${report.operations.length} operations, answers ${JSON.stringify(report.statuses)}`);
    expect(report.operations).toEqual(expect.arrayContaining(['POST /v1/couriers', 'PATCH /v1/clients/{clientId}', 'PUT /v1/clients/{clientId}/services']));
    expect(report.failures).toEqual([]);
    expect(changedState(before, await settledState(state))).toEqual([]);
  });
});

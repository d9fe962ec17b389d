import { MikroORM } from '@mikro-orm/core';
import { ErrorBodySchema, HookAnswerSchema, signGenericPayload } from '@portal/contracts';
import { ServiceUnderTest, startServiceForTest } from '@portal/service-kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { ClientView } from '../src/entities/client-view.entity';
import { ConnectionView } from '../src/entities/connection-view.entity';
import { gatewayService } from '../src/ingestion-gateway.service';

// Over HTTP, through the response check every app registers: what the webhook answers is its contract.
describe('the webhook answers as its contract says (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let base: string;
  const secret = 'whsec_contract_answers_secret';
  const connectionId = uuidv7();

  beforeAll(async () => {
    service = await startServiceForTest(gatewayService, { label: 'gwhttp', http: true, env: { GATEWAY_CACHE_TTL_MS: '0' } });
    base = service.url ?? '';
    const em = service.app.get(MikroORM).em.fork();
    const clientId = uuidv7();
    const courierId = uuidv7();
    await em.insert(ClientView, { id: clientId, courierId, timezone: 'UTC', orderCreationEnabled: true, version: '1' });
    await em.insert(ConnectionView, { id: connectionId, clientId, courierId, platform: 'generic', settings: {}, secrets: [{ secret, expiresAt: null }], deleted: false, version: '1' });
  });

  afterAll(() => service?.stop());

  const send = async (body: string, signature = signGenericPayload(secret, body)) => {
    const res = await fetch(`${base}/v1/hooks/${connectionId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const event = JSON.stringify({
    id: 'evt-contract-1',
    type: 'order.created',
    occurredAt: '2026-11-24T15:00:00Z',
    order: { externalId: 'C-1', dropoff: { address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, contact: { name: 'Homer' } } },
  });

  it('answers 202 and then 200 with a HookAnswer, exactly as the schema reads it', async () => {
    const accepted = await send(event);
    expect(accepted.status).toBe(202);
    expect(HookAnswerSchema.parse(accepted.body)).toEqual(accepted.body);
    const repeat = await send(event);
    expect(repeat).toEqual({ status: 200, body: { eventId: HookAnswerSchema.parse(accepted.body).eventId, status: 'duplicate' } });
  });

  it('answers a bad signature with the contract error body', async () => {
    const refused = await send(event, signGenericPayload('another-secret-of-enough-length', event));
    expect(refused.status).toBe(401);
    expect(ErrorBodySchema.parse(refused.body)).toEqual(refused.body);
  });
});

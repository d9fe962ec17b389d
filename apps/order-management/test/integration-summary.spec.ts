import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { INTEGRATION_SUMMARY_MAX_CLIENTS, IntegrationSummarySchema, type CanonicalOrder, type ClientIntegrationSummary } from '@portal/contracts';
import { hashApiKey } from '@portal/service-kit';
import { ServiceUnderTest, startServiceForTest } from '@portal/service-kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { ApiKeyView } from '../src/entities/api-key-view.entity';
import { ClientView } from '../src/entities/client-view.entity';
import { IntegrationEventRecord } from '../src/entities/integration-event.entity';
import { Order } from '../src/entities/order.entity';
import { CancelOrderUseCase } from '../src/intake/cancel-order.use-case';
import { ChangeOrderUseCase } from '../src/intake/change-order.use-case';
import { CreateOrderUseCase } from '../src/intake/create-order.use-case';
import type { CancelJob, StateJob } from '../src/intake/intake-state';
import { MarkIntakeFailedUseCase } from '../src/intake/mark-intake-failed.use-case';
import { orderManagementService } from '../src/order-management.service';
import { SCHEMA } from '../src/schema';

const DAY_MS = 24 * 60 * 60 * 1000;

// Over HTTP against real PostgreSQL and Redis: rows written by intake as it writes them, some then
// moved three days into the past, read back per client and tenant.
describe('GET /v1/integration-summary (PostgreSQL + Redis)', () => {
  let service: ServiceUnderTest<unknown>;
  let orm: MikroORM;
  const courierId = uuidv7();
  const otherCourierId = uuidv7();
  // Sorted ids: the answer lists clients by clientId.
  const [placing, pickupless, quiet] = [uuidv7(), uuidv7(), uuidv7()].sort();
  const idle = uuidv7();
  const otherCouriers = uuidv7();
  const courierKey = 'cpk_summary-courier-key';
  const clientKey = 'cpk_summary-client-key';
  const otherCourierKey = 'cpk_summary-other-courier-key';
  const connections = new Map([placing, pickupless, quiet, otherCouriers].map((client) => [client, uuidv7()]));
  let lastOfPlacing: Date;
  let lastOfPickupless: Date;
  let lastOfQuiet: Date;

  const task = { address: { line1: '350 5th Ave', city: 'New York', postalCode: '10118', country: 'US' }, contact: { name: 'Ada' } };
  const order = (externalId: string): CanonicalOrder => ({ externalId, dropoff: task });
  const base = (clientId: string, owner = courierId) => {
    const eventId = uuidv7();
    return {
      v: 1 as const,
      name: 'integration-event.accepted' as const,
      eventId,
      connectionId: connections.get(clientId) ?? '',
      clientId,
      courierId: owner,
      platform: 'generic' as const,
      receivedAt: new Date().toISOString(),
      deliveryId: eventId,
      replayOf: null,
      mayCreate: true,
    };
  };
  const created = (clientId: string, o: CanonicalOrder, owner = courierId): StateJob => {
    const b = base(clientId, owner);
    return { ...b, event: { id: `c-${b.eventId}`, type: 'order.created', occurredAt: new Date().toISOString(), order: o } };
  };
  /** A change the store made before the state the order already has: IGNORED (STALE). */
  const stale = (clientId: string, o: CanonicalOrder): StateJob => {
    const b = base(clientId);
    return { ...b, event: { id: `u-${b.eventId}`, type: 'order.updated', occurredAt: '2026-01-01T00:00:00Z', order: o } };
  };
  const cancelled = (clientId: string, externalId: string): CancelJob => {
    const b = base(clientId);
    return { ...b, event: { id: `x-${b.eventId}`, type: 'order.cancelled', occurredAt: new Date().toISOString(), order: { externalId } } };
  };

  /** Moves every row a client has so far three days back, as if it had all happened then. */
  const ageThreeDays = async (em: EntityManager, clientId: string) => {
    const shift = `make_interval(days => 3)`;
    await em.execute(`update "${SCHEMA}"."orders" set "created_at" = "created_at" - ${shift}, "updated_at" = "updated_at" - ${shift}, "received_at" = "received_at" - ${shift} where "client_id" = ?`, [clientId]);
    await em.execute(`update "${SCHEMA}"."integration_events" set "received_at" = "received_at" - ${shift} where "client_id" = ?`, [clientId]);
  };
  const newestEvent = async (clientId: string) => (await orm.em.fork().findOneOrFail(IntegrationEventRecord, { clientId }, { orderBy: { receivedAt: 'desc' } })).receivedAt;

  beforeAll(async () => {
    service = await startServiceForTest(orderManagementService, { label: 'om_summary', http: true });
    orm = service.app.get(MikroORM);
    const create = service.app.get(CreateOrderUseCase);
    const em = orm.em.fork() as EntityManager;
    await em.insertMany(ApiKeyView, [
      { id: uuidv7(), keyHash: hashApiKey(courierKey), courierId, clientId: null, revoked: false, version: '1' },
      { id: uuidv7(), keyHash: hashApiKey(clientKey), courierId, clientId: placing, revoked: false, version: '1' },
      { id: uuidv7(), keyHash: hashApiKey(otherCourierKey), courierId: otherCourierId, clientId: null, revoked: false, version: '1' },
    ]);
    const client = { timezone: 'UTC', serviceSelectionRule: null, usesRatesAndServices: false, version: '1' };
    const withPickup = { ...client, defaultPickup: { address: task.address, contact: task.contact } };
    await em.insertMany(ClientView, [
      { ...withPickup, id: placing, courierId },
      // Dropoff-only events of a client without a default pickup are REJECTED (NO_PICKUP_ADDRESS).
      { ...client, defaultPickup: null, id: pickupless, courierId },
      { ...withPickup, id: quiet, courierId },
      // Never had an event or an order: no row.
      { ...withPickup, id: idle, courierId },
      { ...withPickup, id: otherCouriers, courierId: otherCourierId },
    ]);

    // Three days ago: one order placed and one that is a draft still. A draft needs the quoting
    // flow; the summary reads only an order's status and times, so a placed one is turned into one.
    await create.execute(created(placing, order('OLD-1')));
    const draft = await create.execute(created(placing, order('OLD-DRAFT')));
    await em.nativeUpdate(Order, { id: draft?.orderId }, { status: 'DRAFT' });
    await ageThreeDays(em, placing);
    await create.execute(created(pickupless, order('OLD-R')));
    await ageThreeDays(em, pickupless);
    await create.execute(created(quiet, order('Q-1')));
    await ageThreeDays(em, quiet);

    // Today: two orders placed, one then cancelled by the store, a stale update (IGNORED), an event
    // that failed for good; a rejected one for the client without a pickup.
    const outcomes = [
      await create.execute(created(placing, order('NEW-1'))),
      await create.execute(created(placing, order('NEW-2'))),
      await service.app.get(CancelOrderUseCase).execute(cancelled(placing, 'NEW-2')),
      await service.app.get(ChangeOrderUseCase).execute(stale(placing, order('NEW-1'))),
      await create.execute(created(pickupless, order('NEW-R'))),
      await create.execute(created(otherCouriers, order('THEIRS'), otherCourierId)),
    ];
    expect(outcomes.map((o) => o?.outcome)).toEqual(['PLACED', 'PLACED', 'CANCELLED', 'IGNORED', 'REJECTED', 'PLACED']);
    await service.app.get(MarkIntakeFailedUseCase).execute({ job: created(placing, order('NEW-3')), error: 'the database went away' });
    [lastOfPlacing, lastOfPickupless, lastOfQuiet] = await Promise.all([newestEvent(placing), newestEvent(pickupless), newestEvent(quiet)]);
  });

  afterAll(() => service?.stop());

  const get = async (query: string, key: string | null = courierKey) => {
    const res = await fetch(`${service.url}/v1/integration-summary${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const summary = async (query: string, key = courierKey) => {
    const { status, body } = await get(query, key);
    expect(status).toBe(200);
    return IntegrationSummarySchema.parse(body);
  };
  const row = (clientId: string, counts: Partial<ClientIntegrationSummary>, lastEventAt: Date): ClientIntegrationSummary => ({
    clientId,
    ordersPlaced: 0,
    ordersCancelled: 0,
    draftsWaiting: 0,
    eventsReceived: 0,
    eventsRejected: 0,
    eventsFailed: 0,
    eventsIgnored: 0,
    ...counts,
    lastEventAt: lastEventAt.toISOString(),
  });

  it('counts the last 24 hours by default for each client of the courier that ever had an event, sorted by clientId', async () => {
    const before = Date.now();
    const answer = await summary('');
    expect(Math.abs(Date.parse(answer.since) - (before - DAY_MS))).toBeLessThan(5_000);
    expect(answer.clients).toEqual([
      // NEW-1 placed (NEW-2 placed and then cancelled), the old draft still waiting; five events today.
      row(placing, { ordersPlaced: 1, ordersCancelled: 1, draftsWaiting: 1, eventsReceived: 5, eventsFailed: 1, eventsIgnored: 1 }, lastOfPlacing),
      row(pickupless, { eventsReceived: 1, eventsRejected: 1 }, lastOfPickupless),
      // Nothing since: still a row, with when it last heard from its store.
      row(quiet, {}, lastOfQuiet),
    ]);
  });

  it('counts from `since`: four days back takes in what happened three days ago', async () => {
    const since = new Date(Date.now() - 4 * DAY_MS).toISOString();
    const answer = await summary(`?since=${since}`);
    expect(answer.since).toBe(since);
    expect(answer.clients).toEqual([
      row(placing, { ordersPlaced: 2, ordersCancelled: 1, draftsWaiting: 1, eventsReceived: 7, eventsFailed: 1, eventsIgnored: 1 }, lastOfPlacing),
      row(pickupless, { eventsReceived: 2, eventsRejected: 2 }, lastOfPickupless),
      row(quiet, { ordersPlaced: 1, eventsReceived: 1 }, lastOfQuiet),
    ]);
  });

  it('shows a client key its own client only, and a clientId outside the tenant no rows', async () => {
    const own = await summary('', clientKey);
    expect(own.clients.map((c) => c.clientId)).toEqual([placing]);
    expect((await summary(`?clientId=${pickupless}`, clientKey)).clients).toEqual([]);
    expect((await summary(`?clientId=${pickupless}`)).clients.map((c) => c.clientId)).toEqual([pickupless]);
    expect((await summary(`?clientId=${otherCouriers}`)).clients).toEqual([]);
    expect((await summary('', otherCourierKey)).clients.map((c) => c.clientId)).toEqual([otherCouriers]);
  });

  it(`answers at most ${INTEGRATION_SUMMARY_MAX_CLIENTS} clients, the first by clientId`, async () => {
    const bigCourier = uuidv7();
    const key = 'cpk_summary-big-courier-key';
    const em = orm.em.fork() as EntityManager;
    await em.insert(ApiKeyView, { id: uuidv7(), keyHash: hashApiKey(key), courierId: bigCourier, clientId: null, revoked: false, version: '1' });
    // One event log row each for one client more than the cap.
    await em.execute(
      `with made as (
         insert into "${SCHEMA}"."clients" ("id", "courier_id", "timezone", "version")
         select gen_random_uuid(), ?, 'UTC', 1 from generate_series(1, ?) returning "id"
       )
       insert into "${SCHEMA}"."integration_events" ("id", "connection_id", "client_id", "courier_id", "platform", "received_at", "outcome")
       select gen_random_uuid(), gen_random_uuid(), "id", ?, 'generic', now(), 'REJECTED' from made`,
      [bigCourier, INTEGRATION_SUMMARY_MAX_CLIENTS + 1, bigCourier],
    );
    const ids = (await summary('', key)).clients.map((c) => c.clientId);
    expect(ids).toHaveLength(INTEGRATION_SUMMARY_MAX_CLIENTS);
    expect(ids).toEqual([...ids].sort());
    const [{ last }] = await em.execute<{ last: string }[]>(`select max("id"::text) as "last" from "${SCHEMA}"."clients" where "courier_id" = ?`, [bigCourier]);
    expect(ids).not.toContain(last);
  });

  it.each([
    ['unparseable', 'yesterday'],
    ['without an offset', new Date(Date.now() - 60_000).toISOString().slice(0, 19)],
    ['older than 31 days', new Date(Date.now() - 32 * DAY_MS).toISOString()],
    ['in the future', new Date(Date.now() + 60 * 60_000).toISOString()],
  ])('answers 400 to a since %s', async (_, since) => {
    expect(await get(`?since=${encodeURIComponent(since)}`)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: [{ path: 'since' }] } } });
  });

  it('answers 401 without a key or with an unknown one', async () => {
    expect(await get('', null)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect((await get('', 'cpk_not-a-key')).status).toBe(401);
  });
});

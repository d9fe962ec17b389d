import {
  HookAnswerSchema,
  OrderCreatedEventSchema,
  OrderDraftedEventSchema,
  OrderSchema,
  QuoteResultSchema,
  RateTableSchema,
  ServiceSchema,
  type CanonicalOrderCreatedEvent,
  type Client,
  type IntegrationEvent,
  type Order,
  type OrderCreatedEvent,
  type OrderDraftedEvent,
  type OrderService,
  type QuoteRequest,
  type QuoteResult,
  type RateTable,
  type Service,
  type ServiceAssignment,
  type ServiceQuote,
  type ServiceSelectionRule,
  type TaskInput,
  type Weight,
} from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import type { ApiClient, ApiResponse } from './support/api';
import { eventually, sleep } from './support/eventually';
import {
  createClient,
  createCourier,
  createGenericConnection,
  empireDropoffTask,
  enabledClientWithConnection,
  genericEvent,
  NY_TZ,
  ordersFor,
  sendWhenConfigured,
  storePickupTask,
  waitForLogEntry,
  waitForOrder,
  warehousePickup,
  type Courier,
  type EnabledClient,
} from './support/fixtures';
import { addDays, expectedPrice, localDateOf, localIso, rawPrice, upcomingWeekday, utcIso, zonedInstant, type LatLng, type LocalDate, type PricedOrder } from './support/pricing';
import {
  assignServices,
  createClientKey,
  createRateTable,
  createService,
  enableWithRule,
  errorBody,
  postQuote,
  quoteWhen,
  setIntegrationSettings,
  type RateTableBody,
} from './support/rates-and-services';
import { SubscriberCollector } from './support/subscriber';
import { E2E_SUBSCRIBER, startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(120_000);

// ---------------------------------------------------------------------------------------------
// Time: every order is ready on a Tuesday at least two days ahead, 09:00 in New York. Far from "now"
// (so a past Ready By never counts as now), far from any cutoff, and never a DST day.

const TZ = NY_TZ;
const DAY: LocalDate = upcomingWeekday(TZ, 2, 2);
const NEXT: LocalDate = addDays(DAY, 1);
const AFTER: LocalDate = addDays(DAY, 2);
const at = (date: LocalDate, time: string): string => zonedInstant(date, time, TZ).toISOString();
const READY_LOCAL = localIso(DAY, '09:00');
const READY = at(DAY, '09:00');
/** Met by RUSH_2H (ends 11:00) and SAME_DAY (ends midnight), not by NEXT_DAY (ends the next midnight). */
const DUE_LOOSE_LOCAL = localIso(NEXT, '01:00');
const DUE_LOOSE = at(NEXT, '01:00');
/** Met by no service: the fastest ends at 11:00. */
const DUE_TIGHT_LOCAL = localIso(DAY, '09:30');

type Code = 'RUSH_2H' | 'SAME_DAY' | 'NEXT_DAY';
const CODES: Code[] = ['RUSH_2H', 'SAME_DAY', 'NEXT_DAY'];
const WINDOWS: Record<Code, { start: string; end: string }> = {
  RUSH_2H: { start: READY, end: at(DAY, '11:00') },
  SAME_DAY: { start: READY, end: at(NEXT, '00:00') },
  NEXT_DAY: { start: at(NEXT, '00:00'), end: at(AFTER, '00:00') },
};

// ---------------------------------------------------------------------------------------------
// Places and tables.

const PICKUP: TaskInput = { ...warehousePickup(), notes: 'Dock 4' }; // Brooklyn: ~6.19 km from the Empire State Building
const SHORT_PICKUP: TaskInput = storePickupTask(); // ~0.13 km away
const LONG_PICKUP: TaskInput = {
  address: { line1: 'Cargo Building 9', city: 'Jamaica', region: 'NY', postalCode: '11430', country: 'US', location: { lat: 40.6413, lng: -73.7781 } },
  contact: { name: 'Cargo Desk', phone: '+17185550111' },
}; // ~21.2 km away
/** The value, or a failure naming what was missing (instead of a non-null assertion). */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

const DROPOFF_LOCATION: LatLng = must(empireDropoffTask().address.location, 'dropoff location');

const T_RUSH: RateTableBody = {
  name: 'Rush by km',
  currency: 'USD',
  base: { method: 'PER_KM', amount: 1500, unitAmount: 250 },
  modifiers: [
    { metric: 'DISTANCE_KM', above: 5, unitAmount: 100 },
    { metric: 'WEIGHT_KG', above: 2, unitAmount: 40 },
  ],
  minimum: 2000,
  maximum: 6000,
};
const T_SAME: RateTableBody = {
  name: 'Same day by mile',
  currency: 'USD',
  base: { method: 'PER_MI', amount: 800, unitAmount: 212.5 },
  modifiers: [{ metric: 'PIECES', above: 1, unitAmount: 75 }],
};
const T_NEXT: RateTableBody = {
  name: 'Next day by km',
  currency: 'USD',
  base: { method: 'PER_KM', amount: 400, unitAmount: 95.5 },
  modifiers: [{ metric: 'WEIGHT_LB', above: 3, unitAmount: 12.5 }],
  minimum: 700,
};
const T_CHANGE: RateTableBody = {
  name: 'Per piece (changes)',
  currency: 'USD',
  base: { method: 'PER_PIECE', amount: 600, unitAmount: 150 },
  modifiers: [{ metric: 'DISTANCE_KM', above: 2, unitAmount: 55.5 }],
};
const TABLE_FOR: Record<Code, RateTableBody> = { RUSH_2H: T_RUSH, SAME_DAY: T_SAME, NEXT_DAY: T_NEXT };

const DEFAULT_WEIGHT: Weight = { value: 2.5, unit: 'kg' };

const priced = (pickup: TaskInput, weight: Weight = DEFAULT_WEIGHT, pieces = 2): PricedOrder => ({
  pickup: must(pickup.address.location, 'pickup location'),
  dropoff: DROPOFF_LOCATION,
  weight,
  pieces,
});

// ---------------------------------------------------------------------------------------------
// Order shapes.

interface Shape {
  /** A pickup task, or null for dropoff-only (default: the Brooklyn warehouse). */
  pickup?: TaskInput | null;
  dropoff?: Partial<TaskInput>;
  /** A local completeBefore for the dropoff (default none). */
  dueBy?: string;
  /** null: leave it out. */
  weight?: Weight | null;
  pieces?: number | null;
  serviceCode?: string;
}

function rsEvent(shape: Shape = {}): CanonicalOrderCreatedEvent {
  const event = genericEvent({
    pickup: shape.pickup === undefined ? PICKUP : shape.pickup,
    dropoff: { completeAfter: READY_LOCAL, ...(shape.dueBy ? { completeBefore: shape.dueBy } : {}), ...shape.dropoff },
  });
  if (shape.weight === null) delete event.order.weight;
  else if (shape.weight) event.order.weight = shape.weight;
  if (shape.pieces === null) delete event.order.pieces;
  else if (shape.pieces !== undefined) event.order.pieces = shape.pieces;
  if (shape.serviceCode) event.order.serviceCode = shape.serviceCode;
  return event;
}

const quoteBody = (shape: Shape, clientId?: string): QuoteRequest => {
  const order: QuoteRequest['order'] = rsEvent(shape).order; // externalId is optional here
  return clientId ? { clientId, order } : { order };
};

/** The order's service with its window normalised to UTC ISO strings. */
const normalised = (service: OrderService | null): OrderService | null =>
  service && { ...service, completionWindow: { start: utcIso(service.completionWindow.start), end: utcIso(service.completionWindow.end) } };

const codesOf = (reasons: { code: string }[]): string[] => reasons.map((r) => r.code);

describe('Rates and Services: quoting, the rules and Draft orders (system)', () => {
  let sys: E2eSystem;
  let subscriber: SubscriberCollector;
  let courier: Courier;
  let other: Courier;
  const services = {} as Record<Code | 'EXTRA', Service>;
  const tables = {} as Record<Code | 'CHANGE', RateTable>;
  /** CHEAPEST, default pickup: the drafts, quotes and isolation stories. */
  let main: EnabledClient;
  /** CHEAPEST then FASTEST: the picks story. */
  let picks: EnabledClient;
  /** CHEAPEST, no default pickup. */
  let noPickup: EnabledClient;
  /** One service priced by T_CHANGE. */
  let changing: EnabledClient;
  /** No services at all. */
  let plain: EnabledClient;

  const orders = (): ApiClient => sys.orders(courier.apiKey);
  const fullPairs = (): ServiceAssignment[] => CODES.map((c) => ({ serviceId: services[c].id, rateTableId: tables[c].id }));

  async function rsClient(body: Parameters<typeof createClient>[1], rule: ServiceSelectionRule, pairs: ServiceAssignment[]): Promise<EnabledClient> {
    const client: Client = await createClient(courier, body);
    const connection = await createGenericConnection(courier.api, client.id);
    await enableWithRule(courier, client.id, rule);
    expect(await assignServices(courier, client.id, pairs)).toEqual([...pairs].sort((a, b) => a.serviceId.localeCompare(b.serviceId)));
    return { client, connection };
  }

  beforeAll(async () => {
    sys = await startE2eSystem();
    subscriber = new SubscriberCollector(sys.system.redisUrl, sys.system.queuePrefix, E2E_SUBSCRIBER);
    await subscriber.ready();
    courier = await createCourier(sys, 'Rates courier');
    other = await createCourier(sys, 'Other courier');

    services.RUSH_2H = await createService(courier, { code: 'RUSH_2H', name: '2-hour rush', sla: { type: 'WITHIN', minutes: 120 }, maxWeight: { value: 10, unit: 'kg' } });
    services.SAME_DAY = await createService(courier, { code: 'SAME_DAY', name: 'Same day', sla: { type: 'SAME_DAY', cutoff: '23:59' } });
    services.NEXT_DAY = await createService(courier, { code: 'NEXT_DAY', name: 'Next day', sla: { type: 'NEXT_DAY', cutoff: '18:00' } });
    services.EXTRA = await createService(courier, { code: 'EXTRA_UNASSIGNED', name: 'Never assigned to main', sla: { type: 'NEXT_DAY', cutoff: '12:00' } });
    tables.RUSH_2H = await createRateTable(courier, T_RUSH);
    tables.SAME_DAY = await createRateTable(courier, T_SAME);
    tables.NEXT_DAY = await createRateTable(courier, T_NEXT);
    tables.CHANGE = await createRateTable(courier, T_CHANGE);

    main = await rsClient({ name: 'R&S main', timezone: TZ, units: 'kg', defaultPickup: warehousePickup() }, 'CHEAPEST', fullPairs());
    picks = await rsClient({ name: 'R&S picks', timezone: TZ, units: 'kg', defaultPickup: warehousePickup() }, 'CHEAPEST', fullPairs());
    noPickup = await rsClient({ name: 'R&S no pickup', timezone: TZ, units: 'kg' }, 'CHEAPEST', fullPairs());
    changing = await rsClient({ name: 'R&S changing', timezone: TZ, units: 'kg', defaultPickup: warehousePickup() }, 'CHEAPEST', [
      { serviceId: services.RUSH_2H.id, rateTableId: tables.CHANGE.id },
    ]);
    plain = await enabledClientWithConnection(courier, { name: 'Plain (no services)', timezone: TZ, units: 'kg' });

    // Wait until order management and quoting both hold every client's services and tables.
    for (const [ec, count] of [
      [main, 3],
      [picks, 3],
      [noPickup, 3],
      [changing, 1],
    ] as const) {
      await quoteWhen(orders(), quoteBody({}, ec.client.id), (q) => q.quotes.length === count && q.quotes.every((s) => s.price !== null), 20_000);
    }
  }, 240_000);

  afterAll(async () => {
    await subscriber?.close();
    await sys?.stop();
  }, 60_000);

  // -------------------------------------------------------------------------------------------
  // Helpers bound to the running system.

  async function send(ec: EnabledClient, event: CanonicalOrderCreatedEvent): Promise<string> {
    const res = await sendWhenConfigured(ec.connection, event);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 202, body: { status: 'accepted' } });
    return HookAnswerSchema.parse(res.body).eventId;
  }

  /** Sends an event and waits for the order or draft it becomes (quoted asynchronously). */
  async function orderFrom(ec: EnabledClient, event: CanonicalOrderCreatedEvent): Promise<{ order: Order; eventId: string }> {
    const eventId = await send(ec, event);
    const order = OrderSchema.parse(await waitForOrder(orders(), ec.client.id, event.order.externalId));
    return { order, eventId };
  }

  async function logged(ec: EnabledClient, eventId: string): Promise<IntegrationEvent> {
    return waitForLogEntry(orders(), ec.client.id, (e) => e.id === eventId && e.outcome !== 'PENDING');
  }

  async function getOrder(id: string, api: ApiClient = orders()): Promise<Order> {
    const res = await api.get<unknown>(`/v1/orders/${id}`);
    if (res.status !== 200) throw new Error(`GET /v1/orders/${id} answered ${res.status}: ${res.text}`);
    return OrderSchema.parse(res.body);
  }

  const createdFor = (orderId: string): OrderCreatedEvent[] =>
    subscriber
      .jobsForOrder(orderId)
      .filter((j) => j.name === 'order.created')
      .map((j) => OrderCreatedEventSchema.parse(j.data));
  const draftedFor = (orderId: string): OrderDraftedEvent[] =>
    subscriber
      .jobsForOrder(orderId)
      .filter((j) => j.name === 'order.drafted')
      .map((j) => OrderDraftedEventSchema.parse(j.data));

  async function waitCreated(orderId: string): Promise<OrderCreatedEvent> {
    return eventually(() => {
      const events = createdFor(orderId);
      expect(events).toHaveLength(1);
      return events[0];
    }, 20_000);
  }

  /** A placed order with exactly this service, checked in the order, the event log and order.created. */
  async function expectPlaced(ec: EnabledClient, event: CanonicalOrderCreatedEvent, code: Code, pricedAs: PricedOrder, dueBy: string | null): Promise<Order> {
    const { order, eventId } = await orderFrom(ec, event);
    const service: OrderService = {
      serviceId: services[code].id,
      code,
      price: { amount: expectedPrice(TABLE_FOR[code], pricedAs), currency: 'USD' },
      completionWindow: WINDOWS[code],
    };
    expect({ status: order.status, service: normalised(order.service), draftReasons: order.draftReasons, readyBy: order.readyBy, dueBy: order.dueBy }).toEqual({
      status: 'PLACED',
      service,
      draftReasons: [],
      readyBy: READY,
      dueBy,
    });
    expect(await logged(ec, eventId)).toMatchObject({ outcome: 'PLACED', orderId: order.id, externalOrderId: event.order.externalId });
    const created = await waitCreated(order.id);
    expect(created.order.status).toBe('PLACED');
    expect(normalised(created.order.service)).toEqual(service);
    return order;
  }

  /** A draft with exactly these reasons, checked in the order, the event log and order.drafted. */
  async function expectDraft(ec: EnabledClient, event: CanonicalOrderCreatedEvent, codes: string[]): Promise<Order> {
    const { order, eventId } = await orderFrom(ec, event);
    expect({ status: order.status, service: order.service, reasons: codesOf(order.draftReasons) }).toEqual({ status: 'DRAFT', service: null, reasons: codes });
    for (const r of order.draftReasons) expect(r.message.trim().length).toBeGreaterThan(10);
    expect(await logged(ec, eventId)).toMatchObject({
      outcome: 'DRAFT',
      orderId: order.id,
      clientId: ec.client.id,
      connectionId: ec.connection.id,
      externalOrderId: event.order.externalId,
    });
    const drafted = await eventually(() => {
      const events = draftedFor(order.id);
      expect(events).toHaveLength(1);
      return events[0];
    }, 20_000);
    expect(drafted).toMatchObject({ type: 'order.drafted', version: 1 });
    expect(drafted.id).not.toBe(order.id);
    expect({ id: drafted.order.id, status: drafted.order.status, service: drafted.order.service, reasons: codesOf(drafted.order.draftReasons) }).toEqual({
      id: order.id,
      status: 'DRAFT',
      service: null,
      reasons: codes,
    });
    expect(createdFor(order.id)).toEqual([]);
    return order;
  }

  const patchOrder = (id: string, body: unknown, api: ApiClient = orders()): Promise<ApiResponse<unknown>> => api.patch<unknown>(`/v1/orders/${id}`, body);
  const finalize = (id: string, api: ApiClient = orders()): Promise<ApiResponse<unknown>> => api.post<unknown>(`/v1/orders/${id}/finalize`);
  const cancel = (id: string, api: ApiClient = orders()): Promise<ApiResponse<unknown>> => api.post<unknown>(`/v1/orders/${id}/cancel`);

  const ok = (res: ApiResponse<unknown>): Order => {
    if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text}`);
    return OrderSchema.parse(res.body);
  };

  const quoteFor = (quotes: ServiceQuote[], code: string): ServiceQuote => {
    const found = quotes.find((q) => q.code === code);
    if (!found) throw new Error(`no quote for ${code} in ${JSON.stringify(quotes)}`);
    return found;
  };

  /** The quote of one eligible service as the formula and the SLA say it must be. */
  const eligibleQuote = (code: Code, pricedAs: PricedOrder): ServiceQuote => ({
    serviceId: services[code].id,
    code,
    eligible: true,
    reasons: [],
    price: { amount: expectedPrice(TABLE_FOR[code], pricedAs), currency: 'USD' },
    completionWindow: WINDOWS[code],
  });
  const normaliseQuote = (q: ServiceQuote): ServiceQuote => ({
    ...q,
    completionWindow: q.completionWindow && { start: utcIso(q.completionWindow.start), end: utcIso(q.completionWindow.end) },
  });
  const sortedQuotes = (result: QuoteResult): ServiceQuote[] => [...result.quotes].map(normaliseQuote).sort((a, b) => a.code.localeCompare(b.code));

  // -------------------------------------------------------------------------------------------

  describe('the Cheapest and Fastest rules', () => {
    it('the fixture prices are distinct and ordered NEXT_DAY < SAME_DAY < RUSH_2H (sanity of the test data)', () => {
      const p = priced(PICKUP);
      const [rush, same, next] = [expectedPrice(T_RUSH, p), expectedPrice(T_SAME, p), expectedPrice(T_NEXT, p)];
      expect(next).toBeLessThan(same);
      expect(same).toBeLessThan(rush);
      // The clamping cases used below really clamp.
      expect(rawPrice(T_NEXT, priced(SHORT_PICKUP))).toBeLessThan(must(T_NEXT.minimum, 'T_NEXT.minimum'));
      expect(rawPrice(T_RUSH, priced(LONG_PICKUP))).toBeGreaterThan(must(T_RUSH.maximum, 'T_RUSH.maximum'));
    });

    it('CHEAPEST picks the lowest-priced service whose window meets Due By, priced by the formula; FASTEST then picks the earliest window', async () => {
      // Due By Wednesday 01:00: NEXT_DAY is cheapest but ends Wednesday midnight, so SAME_DAY wins.
      await expectPlaced(picks, rsEvent({ dueBy: DUE_LOOSE_LOCAL }), 'SAME_DAY', priced(PICKUP), DUE_LOOSE);
      // Without Due By, the cheapest of all: NEXT_DAY.
      await expectPlaced(picks, rsEvent(), 'NEXT_DAY', priced(PICKUP), null);
      // Weight in pounds, more pieces: the price follows the formula with exact unit conversion.
      const heavy: Weight = { value: 9.5, unit: 'lb' };
      await expectPlaced(picks, rsEvent({ dueBy: DUE_LOOSE_LOCAL, weight: heavy, pieces: 4 }), 'SAME_DAY', priced(PICKUP, heavy, 4), DUE_LOOSE);

      const put = await setIntegrationSettings(courier, picks.client.id, { orderCreationEnabled: true, serviceSelectionRule: 'FASTEST' });
      expect(put).toEqual({ orderCreationEnabled: true, serviceSelectionRule: 'FASTEST' });
      // The rule reaches quoting within about a second.
      await quoteWhen(orders(), quoteBody({ dueBy: DUE_LOOSE_LOCAL }, picks.client.id), (q) => q.pick?.code === 'RUSH_2H');

      await expectPlaced(picks, rsEvent({ dueBy: DUE_LOOSE_LOCAL }), 'RUSH_2H', priced(PICKUP), DUE_LOOSE);
      await expectPlaced(picks, rsEvent(), 'RUSH_2H', priced(PICKUP), null);
    });

    it('a Ready By already in the past counts as now (FASTEST: the window starts when quoted)', async () => {
      await setIntegrationSettings(courier, picks.client.id, { orderCreationEnabled: true, serviceSelectionRule: 'FASTEST' });
      await quoteWhen(orders(), quoteBody({}, picks.client.id), (q) => q.pick?.code === 'RUSH_2H');
      const past = new Date(Date.now() - 3 * 3600_000);
      past.setUTCMilliseconds(0);
      const event = rsEvent({ dropoff: { completeAfter: past.toISOString() } });
      const sentAt = Date.now();
      const { order } = await orderFrom(picks, event);
      const seenAt = Date.now();
      expect(order.status).toBe('PLACED');
      expect(order.readyBy).toBe(past.toISOString());
      const service = must(normalised(order.service), 'service');
      const start = Date.parse(service.completionWindow.start);
      expect(start).toBeGreaterThanOrEqual(sentAt - 1_000);
      expect(start).toBeLessThanOrEqual(seenAt + 1_000);
      // FASTEST takes the window that ends first. RUSH_2H's ends two hours after the quote and
      // SAME_DAY's at New York's next midnight, so in the last two hours of a New York day (before
      // SAME_DAY's 23:59 cutoff) SAME_DAY's ends first: the pick follows the clock the test runs at.
      const today = localDateOf(new Date(start), TZ);
      const midnight = zonedInstant(addDays(today, 1), '00:00', TZ).getTime();
      const sameDayFirst = start < zonedInstant(today, '23:59', TZ).getTime() && midnight < start + 120 * 60_000;
      const code: Code = sameDayFirst ? 'SAME_DAY' : 'RUSH_2H';
      expect({ serviceId: service.serviceId, code: service.code, price: service.price }).toEqual({
        serviceId: services[code].id,
        code,
        price: { amount: expectedPrice(TABLE_FOR[code], priced(PICKUP)), currency: 'USD' },
      });
      expect(Date.parse(service.completionWindow.end)).toBe(sameDayFirst ? midnight : start + 120 * 60_000);
    });

    it('an explicit, valid and eligible service code is used even when another is cheaper', async () => {
      await expectPlaced(main, rsEvent({ dueBy: DUE_LOOSE_LOCAL, serviceCode: 'RUSH_2H' }), 'RUSH_2H', priced(PICKUP), DUE_LOOSE);
    });
  });

  describe('draft reasons (each event differs from a quotable one in one thing)', () => {
    it('MISSING_WEIGHT', async () => {
      await expectDraft(main, rsEvent({ weight: null }), ['MISSING_WEIGHT']);
    });

    it('MISSING_PIECES', async () => {
      await expectDraft(main, rsEvent({ pieces: null }), ['MISSING_PIECES']);
    });

    it('INVALID_SERVICE: a service code that does not exist', async () => {
      const draft = await expectDraft(main, rsEvent({ serviceCode: 'NO_SUCH_SERVICE' }), ['INVALID_SERVICE']);
      expect(draft.serviceCode).toBe('NO_SUCH_SERVICE');
    });

    it("INVALID_SERVICE: another courier's service code is not this courier's", async () => {
      await createService(other, { code: 'OTHERS_ONLY', name: 'Other courier only', sla: { type: 'WITHIN', minutes: 60 } });
      await expectDraft(main, rsEvent({ serviceCode: 'OTHERS_ONLY' }), ['INVALID_SERVICE']);
    });

    it('UNSUPPORTED_SERVICE: a courier service not assigned to the client', async () => {
      await expectDraft(main, rsEvent({ serviceCode: 'EXTRA_UNASSIGNED' }), ['UNSUPPORTED_SERVICE']);
    });

    it('UNSUPPORTED_SERVICE: an assigned service that is not eligible for the order (over its max weight); never re-routed', async () => {
      await expectDraft(main, rsEvent({ serviceCode: 'RUSH_2H', weight: { value: 12, unit: 'kg' } }), ['UNSUPPORTED_SERVICE']);
    });

    it('DUE_BY_NOT_MET: a completeBefore that no service meets (CHEAPEST)', async () => {
      const draft = await expectDraft(main, rsEvent({ dueBy: DUE_TIGHT_LOCAL }), ['DUE_BY_NOT_MET']);
      expect(draft.dueBy).toBe(at(DAY, '09:30'));
    });

    it('LOCATION_UNKNOWN: a dropoff without location when the rates are distance-based', async () => {
      const address = { ...empireDropoffTask().address, location: undefined };
      await expectDraft(main, rsEvent({ dropoff: { address } }), ['LOCATION_UNKNOWN']);
    });

    it('NO_PICKUP_ADDRESS: a dropoff-only event for a client without default pickup', async () => {
      const draft = await expectDraft(noPickup, rsEvent({ pickup: null }), ['NO_PICKUP_ADDRESS']);
      expect(draft.pickup).toBeNull();
    });

    it('several reasons at once are all listed', async () => {
      const draft = await expectDraft(main, rsEvent({ weight: null, pieces: null }), ['MISSING_WEIGHT', 'MISSING_PIECES']);
      expect(draft.weight).toBeNull();
      expect(draft.pieces).toBeNull();
    });

    it('a dropoff-only event for a client with a default pickup is quoted from that pickup', async () => {
      await expectPlaced(main, rsEvent({ pickup: null }), 'NEXT_DAY', priced(PICKUP), null);
    });

    it('drafts are listed with status=DRAFT', async () => {
      const drafts = await orders().listAll<Order>('/v1/orders', { status: 'DRAFT', clientId: main.client.id });
      expect(drafts.length).toBeGreaterThanOrEqual(8);
      expect(drafts.every((o) => o.status === 'DRAFT' && o.service === null && o.draftReasons.length > 0)).toBe(true);
    });
  });

  describe('editing and finalising drafts', () => {
    it('PATCH a MISSING_WEIGHT draft with a weight clears the reason; finalize places it with the formula price and emits order.created; then 409s', async () => {
      const draft = await expectDraft(main, rsEvent({ weight: null }), ['MISSING_WEIGHT']);
      const weight: Weight = { value: 4, unit: 'lb' };
      const edited = ok(await patchOrder(draft.id, { weight }));
      expect({ id: edited.id, status: edited.status, weight: edited.weight, pieces: edited.pieces, reasons: edited.draftReasons, service: edited.service }).toEqual({
        id: draft.id,
        status: 'DRAFT',
        weight,
        pieces: 2,
        reasons: [],
        service: null,
      });
      const stored = await getOrder(draft.id);
      expect({ status: stored.status, weight: stored.weight, reasons: stored.draftReasons }).toEqual({ status: 'DRAFT', weight, reasons: [] });
      expect(createdFor(draft.id)).toEqual([]);

      const placed = ok(await finalize(draft.id));
      const service: OrderService = {
        serviceId: services.NEXT_DAY.id,
        code: 'NEXT_DAY',
        price: { amount: expectedPrice(T_NEXT, priced(PICKUP, weight)), currency: 'USD' },
        completionWindow: WINDOWS.NEXT_DAY,
      };
      expect({ id: placed.id, status: placed.status, service: normalised(placed.service), reasons: placed.draftReasons }).toEqual({
        id: draft.id,
        status: 'PLACED',
        service,
        reasons: [],
      });
      const after = await getOrder(draft.id);
      expect({ status: after.status, service: normalised(after.service) }).toEqual({ status: 'PLACED', service });
      const created = await waitCreated(draft.id);
      expect({ status: created.order.status, service: normalised(created.order.service), weight: created.order.weight }).toEqual({ status: 'PLACED', service, weight });

      expect(errorBody(await patchOrder(draft.id, { pieces: 3 }), 409).error.message.length).toBeGreaterThan(0);
      errorBody(await finalize(draft.id), 409);
      expect((await getOrder(draft.id)).pieces).toBe(2);
      await sleep(1_000);
      expect(createdFor(draft.id)).toHaveLength(1);
    });

    it('each edit recomputes the reasons; finalising a draft that still lacks pieces answers 422 listing MISSING_PIECES', async () => {
      const draft = await expectDraft(main, rsEvent({ weight: null, pieces: null }), ['MISSING_WEIGHT', 'MISSING_PIECES']);
      const edited = ok(await patchOrder(draft.id, { weight: { value: 3, unit: 'kg' } }));
      expect({ status: edited.status, reasons: codesOf(edited.draftReasons) }).toEqual({ status: 'DRAFT', reasons: ['MISSING_PIECES'] });

      const refused = errorBody(await finalize(draft.id), 422);
      const messages = refused.error.details.map((d) => d.message);
      expect(messages.some((m) => m.startsWith('MISSING_PIECES'))).toBe(true);
      expect(messages.some((m) => m.startsWith('MISSING_WEIGHT'))).toBe(false);
      for (const d of refused.error.details) expect(d.path.length).toBeGreaterThan(0);
      const still = await getOrder(draft.id);
      expect({ status: still.status, reasons: codesOf(still.draftReasons), service: still.service }).toEqual({ status: 'DRAFT', reasons: ['MISSING_PIECES'], service: null });
    });

    it('PATCH a dropoff whose completeBefore no service met (DUE_BY_NOT_MET) with a later one, then finalise', async () => {
      const tight = await expectDraft(main, rsEvent({ dueBy: DUE_TIGHT_LOCAL }), ['DUE_BY_NOT_MET']);
      const newDropoff: TaskInput = { ...empireDropoffTask(), completeAfter: READY_LOCAL, completeBefore: DUE_LOOSE_LOCAL };
      const fixedDue = ok(await patchOrder(tight.id, { dropoff: newDropoff }));
      expect({ reasons: fixedDue.draftReasons, dueBy: fixedDue.dueBy, readyBy: fixedDue.readyBy, status: fixedDue.status }).toEqual({
        reasons: [],
        dueBy: DUE_LOOSE,
        readyBy: READY,
        status: 'DRAFT',
      });
      const placed = ok(await finalize(tight.id));
      expect(normalised(placed.service)).toEqual({
        serviceId: services.SAME_DAY.id,
        code: 'SAME_DAY',
        price: { amount: expectedPrice(T_SAME, priced(PICKUP)), currency: 'USD' },
        completionWindow: WINDOWS.SAME_DAY,
      });
      await waitCreated(tight.id);
    });

    it('PATCH an INVALID_SERVICE draft with a valid code; finalising uses that service', async () => {
      const draft = await expectDraft(main, rsEvent({ serviceCode: 'NO_SUCH_SERVICE' }), ['INVALID_SERVICE']);
      const fixed = ok(await patchOrder(draft.id, { serviceCode: 'RUSH_2H' }));
      expect({ reasons: fixed.draftReasons, serviceCode: fixed.serviceCode }).toEqual({ reasons: [], serviceCode: 'RUSH_2H' });
      const placed = ok(await finalize(draft.id));
      expect(normalised(placed.service)).toEqual({
        serviceId: services.RUSH_2H.id,
        code: 'RUSH_2H',
        price: { amount: expectedPrice(T_RUSH, priced(PICKUP)), currency: 'USD' },
        completionWindow: WINDOWS.RUSH_2H,
      });
      await waitCreated(draft.id);
    });

    it('an invalid PATCH body answers 400 and changes nothing', async () => {
      const draft = await expectDraft(main, rsEvent({ weight: null }), ['MISSING_WEIGHT']);
      const res = errorBody(await patchOrder(draft.id, { weight: { value: -1, unit: 'st' }, pieces: 0 }), 400);
      const paths = res.error.details.map((d) => d.path);
      expect(paths.some((p) => p.startsWith('weight'))).toBe(true);
      expect(paths).toContain('pieces');
      const still = await getOrder(draft.id);
      expect({ weight: still.weight, pieces: still.pieces, reasons: codesOf(still.draftReasons) }).toEqual({ weight: null, pieces: 2, reasons: ['MISSING_WEIGHT'] });
    });

    it('five finalisations racing on one fixable draft: one 200, four 409, one order.created', async () => {
      const draft = await expectDraft(main, rsEvent({ weight: null }), ['MISSING_WEIGHT']);
      expect(ok(await patchOrder(draft.id, { weight: DEFAULT_WEIGHT })).draftReasons).toEqual([]);
      const answers = await Promise.all(Array.from({ length: 5 }, () => finalize(draft.id)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
      for (const a of answers.filter((x) => x.status === 409)) errorBody(a, 409);
      const winner = ok(must(answers.find((a) => a.status === 200), 'the 200 answer'));
      expect({ status: winner.status, code: winner.service?.code, amount: winner.service?.price.amount }).toEqual({
        status: 'PLACED',
        code: 'NEXT_DAY',
        amount: expectedPrice(T_NEXT, priced(PICKUP)),
      });
      await waitCreated(draft.id);
      await sleep(2_000);
      expect(createdFor(draft.id)).toHaveLength(1);
      expect((await getOrder(draft.id)).status).toBe('PLACED');
      expect(await ordersFor(orders(), main.client.id, draft.source.externalOrderId)).toHaveLength(1);
    });
  });

  describe('cancelling', () => {
    it('cancel a draft: 200 CANCELLED; again 409; finalize/PATCH a cancelled order 409; cancel a placed order 409', async () => {
      const draft = await expectDraft(main, rsEvent({ pieces: null }), ['MISSING_PIECES']);
      const cancelled = ok(await cancel(draft.id));
      expect({ id: cancelled.id, status: cancelled.status, service: cancelled.service }).toEqual({ id: draft.id, status: 'CANCELLED', service: null });
      expect((await getOrder(draft.id)).status).toBe('CANCELLED');
      errorBody(await cancel(draft.id), 409);
      errorBody(await finalize(draft.id), 409);
      errorBody(await patchOrder(draft.id, { pieces: 1 }), 409);
      const listed = await orders().listAll<Order>('/v1/orders', { status: 'CANCELLED', clientId: main.client.id });
      expect(listed.map((o) => o.id)).toContain(draft.id);

      const placed = await expectPlaced(main, rsEvent(), 'NEXT_DAY', priced(PICKUP), null);
      errorBody(await cancel(placed.id), 409);
      errorBody(await patchOrder(placed.id, { pieces: 5 }), 409);
      errorBody(await finalize(placed.id), 409);
      expect((await getOrder(placed.id)).status).toBe('PLACED');
      await sleep(1_000);
      expect(createdFor(draft.id)).toEqual([]);
    });
  });

  describe('a client without Rates and Services', () => {
    it('its events are placed directly with service null, never drafted, even without weight, pieces or a known service code', async () => {
      const events = [
        rsEvent({ weight: null, pieces: null }),
        rsEvent({ serviceCode: 'NO_SUCH_SERVICE', dueBy: DUE_TIGHT_LOCAL }),
        rsEvent({ dropoff: { address: { ...empireDropoffTask().address, location: undefined } } }),
      ];
      for (const event of events) {
        const { order, eventId } = await orderFrom(plain, event);
        expect({ status: order.status, service: order.service, reasons: order.draftReasons }).toEqual({ status: 'PLACED', service: null, reasons: [] });
        expect(await logged(plain, eventId)).toMatchObject({ outcome: 'PLACED', orderId: order.id });
        await waitCreated(order.id);
        expect(draftedFor(order.id)).toEqual([]);
      }
      const first = await waitForOrder(orders(), plain.client.id, events[0].order.externalId);
      expect({ weight: first.weight, pieces: first.pieces }).toEqual({ weight: null, pieces: null });
      const drafts = await orders().get<{ items: Order[]; nextCursor: string | null }>('/v1/orders', { status: 'DRAFT', clientId: plain.client.id });
      expect(drafts.status).toBe(200);
      expect(drafts.body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('configuration changes', () => {
    it('a change of rate table takes effect on the next order; placed orders keep their price', async () => {
      const p = priced(PICKUP);
      const oldAmount = expectedPrice(T_CHANGE, p);
      const first = await orderFrom(changing, rsEvent());
      expect(normalised(first.order.service)).toEqual({
        serviceId: services.RUSH_2H.id,
        code: 'RUSH_2H',
        price: { amount: oldAmount, currency: 'USD' },
        completionWindow: WINDOWS.RUSH_2H,
      });

      const changedTable: RateTableBody = { ...T_CHANGE, base: { ...T_CHANGE.base, amount: 900 } };
      const newAmount = expectedPrice(changedTable, p);
      expect(newAmount).toBe(oldAmount + 300);
      const patched = await courier.api.patch<unknown>(`/v1/rate-tables/${tables.CHANGE.id}`, { base: changedTable.base });
      expect(patched.status).toBe(200);
      const table = RateTableSchema.parse(patched.body);
      expect({ base: table.base, modifiers: table.modifiers, currency: table.currency }).toEqual({ base: changedTable.base, modifiers: T_CHANGE.modifiers, currency: 'USD' });

      // The change reaches quoting within about a second.
      const started = Date.now();
      await quoteWhen(orders(), quoteBody({}, changing.client.id), (q) => q.quotes[0]?.price?.amount === newAmount, 10_000);
      expect(Date.now() - started).toBeLessThan(5_000);

      const second = await orderFrom(changing, rsEvent());
      expect(normalised(second.order.service)).toEqual({
        serviceId: services.RUSH_2H.id,
        code: 'RUSH_2H',
        price: { amount: newAmount, currency: 'USD' },
        completionWindow: WINDOWS.RUSH_2H,
      });
      expect((await getOrder(first.order.id)).service?.price.amount).toBe(oldAmount);
    });

    it('services and rate tables are validated: each problem a 400 naming the field; codes unique per courier', async () => {
      const bad = async (path: string, body: unknown, expectedPath: string): Promise<void> => {
        const res = errorBody(await courier.api.post<unknown>(path, body), 400);
        const paths = res.error.details.map((d) => d.path);
        if (!paths.some((p) => p === expectedPath || p.startsWith(`${expectedPath}.`))) throw new Error(`${path}: no detail at ${expectedPath} in ${JSON.stringify(res.error.details)}`);
      };
      const service = { code: 'VALIDATED', name: 'Validated', sla: { type: 'SAME_DAY', cutoff: '14:00' } };
      await bad('/v1/services', { ...service, sla: { type: 'SAME_DAY', cutoff: '25:00' } }, 'sla.cutoff');
      await bad('/v1/services', { ...service, sla: { type: 'NEXT_DAY', cutoff: 'noon' } }, 'sla.cutoff');
      await bad('/v1/services', { ...service, area: { type: 'Polygon', coordinates: [[[-74.1, 40.6], [-73.7, 40.6], [-73.7, 40.9], [-74.0, 40.9]]] } }, 'area.coordinates');
      await bad('/v1/services', { ...service, maxWeight: { value: -2, unit: 'kg' } }, 'maxWeight.value');
      await bad('/v1/rate-tables', { ...T_SAME, base: { method: 'PER_PARSEC', amount: 500, unitAmount: 1 } }, 'base.method');
      await bad('/v1/rate-tables', { ...T_SAME, base: { method: 'FLAT', amount: -500 } }, 'base.amount');
      await bad('/v1/rate-tables', { ...T_SAME, minimum: -1 }, 'minimum');
      await bad('/v1/rate-tables', { ...T_SAME, modifiers: [{ metric: 'FURLONGS', above: 1, unitAmount: 1 }] }, 'modifiers.0.metric');
      expect((await courier.api.listAll<Service>('/v1/services')).map((s) => s.code)).not.toContain('VALIDATED');

      // Codes are unique per courier: another courier may have RUSH_2H, this one cannot have two.
      errorBody(await courier.api.post<unknown>('/v1/services', { code: 'RUSH_2H', name: 'Again', sla: { type: 'WITHIN', minutes: 60 } }), 409);
      const theirs = await sys.settings(other.apiKey).post<unknown>('/v1/services', { code: 'RUSH_2H', name: 'Theirs', sla: { type: 'WITHIN', minutes: 60 } });
      expect(theirs.status).toBe(201);
      expect(ServiceSchema.parse(theirs.body)).toMatchObject({ code: 'RUSH_2H', courierId: other.id });
    });

    it('enabling integrations for a Rates and Services client without a rule answers 422', async () => {
      const client = await createClient(courier, { name: 'Rule required', timezone: TZ, units: 'kg' });
      expect(await assignServices(courier, client.id, fullPairs().slice(0, 1))).toHaveLength(1);
      const res = await courier.api.put<unknown>(`/v1/clients/${client.id}/integration-settings`, { orderCreationEnabled: true, serviceSelectionRule: null });
      const body = errorBody(res, 422);
      expect(`${body.error.message} ${JSON.stringify(body.error.details)}`).toMatch(/rule/i);
      expect((await courier.api.get<unknown>(`/v1/clients/${client.id}/integration-settings`)).body).toEqual({ orderCreationEnabled: false, serviceSelectionRule: null });
    });
  });

  describe('POST /v1/quotes', () => {
    let clientOrders: ApiClient;

    beforeAll(async () => {
      clientOrders = sys.orders(await createClientKey(courier, main.client.id));
      await quoteWhen(clientOrders, quoteBody({}), (q) => q.quotes.length === 3);
    }, 30_000);

    it('as the client and as the courier: every assigned service with eligibility, formula price and window, and the rule pick; creates nothing', async () => {
      const before = (await orders().listAll<Order>('/v1/orders', { clientId: main.client.id })).length;
      const shape: Shape = { dueBy: DUE_LOOSE_LOCAL };
      const asClient = await postQuote(clientOrders, quoteBody(shape));
      const asCourier = await postQuote(orders(), quoteBody(shape, main.client.id));
      expect([asClient.status, asCourier.status]).toEqual([200, 200]);
      const clientResult = QuoteResultSchema.parse(asClient.body);
      const courierResult = QuoteResultSchema.parse(asCourier.body);
      const expected = CODES.map((c) => eligibleQuote(c, priced(PICKUP))).sort((a, b) => a.code.localeCompare(b.code));
      expect(sortedQuotes(clientResult)).toEqual(expected);
      expect(sortedQuotes(courierResult)).toEqual(expected);
      expect({ pick: clientResult.pick, draftReasons: clientResult.draftReasons }).toEqual({ pick: { serviceId: services.SAME_DAY.id, code: 'SAME_DAY' }, draftReasons: [] });
      expect({ pick: courierResult.pick, draftReasons: courierResult.draftReasons }).toEqual({ pick: { serviceId: services.SAME_DAY.id, code: 'SAME_DAY' }, draftReasons: [] });

      // Without Due By the cheapest is NEXT_DAY.
      const open = QuoteResultSchema.parse((await postQuote(clientOrders, quoteBody({}))).body);
      expect(open.pick).toEqual({ serviceId: services.NEXT_DAY.id, code: 'NEXT_DAY' });

      await sleep(1_000);
      expect((await orders().listAll<Order>('/v1/orders', { clientId: main.client.id })).length).toBe(before);
    });

    it('prices clamp to the minimum and maximum, as the formula says', async () => {
      const short = QuoteResultSchema.parse((await postQuote(orders(), quoteBody({ pickup: SHORT_PICKUP }, main.client.id))).body);
      const long = QuoteResultSchema.parse((await postQuote(orders(), quoteBody({ pickup: LONG_PICKUP }, main.client.id))).body);
      expect(sortedQuotes(short)).toEqual(CODES.map((c) => eligibleQuote(c, priced(SHORT_PICKUP))).sort((a, b) => a.code.localeCompare(b.code)));
      expect(sortedQuotes(long)).toEqual(CODES.map((c) => eligibleQuote(c, priced(LONG_PICKUP))).sort((a, b) => a.code.localeCompare(b.code)));
      expect(quoteFor(short.quotes, 'NEXT_DAY').price?.amount).toBe(T_NEXT.minimum);
      expect(quoteFor(short.quotes, 'RUSH_2H').price?.amount).toBe(T_RUSH.minimum);
      expect(quoteFor(long.quotes, 'RUSH_2H').price?.amount).toBe(T_RUSH.maximum);
    });

    it('an ineligible service is listed with its reasons and not picked; a shape missing weight gives the draft reasons and no pick', async () => {
      const heavy: Weight = { value: 12, unit: 'kg' };
      const result = QuoteResultSchema.parse((await postQuote(orders(), quoteBody({ weight: heavy, dueBy: DUE_LOOSE_LOCAL }, main.client.id))).body);
      expect(result.quotes.map((q) => q.code).sort()).toEqual([...CODES].sort());
      const rush = quoteFor(result.quotes, 'RUSH_2H');
      expect(rush.eligible).toBe(false);
      expect(rush.reasons.length).toBeGreaterThan(0);
      for (const r of rush.reasons) expect(r.message.length).toBeGreaterThan(0);
      expect(normaliseQuote(quoteFor(result.quotes, 'SAME_DAY'))).toEqual(eligibleQuote('SAME_DAY', priced(PICKUP, heavy)));
      expect(normaliseQuote(quoteFor(result.quotes, 'NEXT_DAY'))).toEqual(eligibleQuote('NEXT_DAY', priced(PICKUP, heavy)));
      expect(result.pick).toEqual({ serviceId: services.SAME_DAY.id, code: 'SAME_DAY' });
      expect(result.draftReasons).toEqual([]);

      const missing = QuoteResultSchema.parse((await postQuote(orders(), quoteBody({ weight: null }, main.client.id))).body);
      expect(missing.pick).toBeNull();
      expect(codesOf(missing.draftReasons)).toEqual(['MISSING_WEIGHT']);
      expect(missing.quotes.map((q) => q.code).sort()).toEqual([...CODES].sort());
    });

    it("courier key without clientId: 400; another courier's key: 404; a client key naming another client: 404", async () => {
      const res = errorBody(await postQuote(orders(), quoteBody({})), 400);
      expect(res.error.details.map((d) => d.path)).toContain('clientId');
      const otherOrders = sys.orders(other.apiKey);
      await eventually(async () => expect((await otherOrders.get<unknown>('/v1/orders')).status).toBe(200), 10_000);
      errorBody(await postQuote(otherOrders, quoteBody({}, main.client.id)), 404);
      errorBody(await postQuote(clientOrders, quoteBody({}, noPickup.client.id)), 404);
      errorBody(await postQuote(sys.orders(), quoteBody({}, main.client.id)), 401);
    });
  });

  describe('tenant isolation on the new endpoints', () => {
    let otherSettings: ApiClient;
    let otherOrders: ApiClient;
    let clientSettings: ApiClient;
    let clientOrders: ApiClient;

    beforeAll(async () => {
      otherSettings = sys.settings(other.apiKey);
      otherOrders = sys.orders(other.apiKey);
      const key = await createClientKey(courier, main.client.id);
      clientSettings = sys.settings(key);
      clientOrders = sys.orders(key);
      await eventually(async () => expect((await otherOrders.get<unknown>('/v1/orders')).status).toBe(200), 10_000);
      await eventually(async () => expect((await clientOrders.get<unknown>('/v1/orders')).status).toBe(200), 10_000);
    }, 30_000);

    it("another courier's key gets 404 for our services, rate tables and client services, and changes nothing", async () => {
      const service = services.SAME_DAY;
      const table = tables.SAME_DAY;
      const serviceBefore = ServiceSchema.parse((await courier.api.get<unknown>(`/v1/services/${service.id}`)).body);
      const tableBefore = RateTableSchema.parse((await courier.api.get<unknown>(`/v1/rate-tables/${table.id}`)).body);
      const pairsBefore = (await courier.api.get<unknown>(`/v1/clients/${main.client.id}/services`)).body;

      errorBody(await otherSettings.get<unknown>(`/v1/services/${service.id}`), 404);
      errorBody(await otherSettings.patch<unknown>(`/v1/services/${service.id}`, { name: 'Hijacked' }), 404);
      errorBody(await otherSettings.delete<unknown>(`/v1/services/${service.id}`), 404);
      errorBody(await otherSettings.get<unknown>(`/v1/rate-tables/${table.id}`), 404);
      errorBody(await otherSettings.patch<unknown>(`/v1/rate-tables/${table.id}`, { name: 'Hijacked' }), 404);
      errorBody(await otherSettings.delete<unknown>(`/v1/rate-tables/${table.id}`), 404);
      errorBody(await otherSettings.get<unknown>(`/v1/clients/${main.client.id}/services`), 404);
      errorBody(await otherSettings.put<unknown>(`/v1/clients/${main.client.id}/services`, []), 404);

      // Its lists do not show ours; and it cannot assign our service or table to its own client.
      const theirServices = await otherSettings.listAll<Service>('/v1/services');
      expect(theirServices.map((s) => s.id)).not.toContain(service.id);
      expect(theirServices.every((s) => s.courierId === other.id)).toBe(true);
      const theirTables = await otherSettings.listAll<RateTable>('/v1/rate-tables');
      expect(theirTables.map((t) => t.id)).not.toContain(table.id);
      const theirClient = await createClient(other, { name: 'Other courier client' });
      errorBody(await otherSettings.put<unknown>(`/v1/clients/${theirClient.id}/services`, [{ serviceId: service.id, rateTableId: table.id }]), 400);

      expect(ServiceSchema.parse((await courier.api.get<unknown>(`/v1/services/${service.id}`)).body)).toEqual(serviceBefore);
      expect(RateTableSchema.parse((await courier.api.get<unknown>(`/v1/rate-tables/${table.id}`)).body)).toEqual(tableBefore);
      expect((await courier.api.get<unknown>(`/v1/clients/${main.client.id}/services`)).body).toEqual(pairsBefore);
    });

    it("another courier's key gets 404 editing, finalising or cancelling our draft, and the draft is untouched", async () => {
      const draft = await expectDraft(main, rsEvent({ weight: null }), ['MISSING_WEIGHT']);
      errorBody(await otherOrders.get<unknown>(`/v1/orders/${draft.id}`), 404);
      errorBody(await patchOrder(draft.id, { weight: DEFAULT_WEIGHT }, otherOrders), 404);
      errorBody(await finalize(draft.id, otherOrders), 404);
      errorBody(await cancel(draft.id, otherOrders), 404);
      const still = await getOrder(draft.id);
      expect({ status: still.status, weight: still.weight, updatedAt: still.updatedAt }).toEqual({ status: 'DRAFT', weight: null, updatedAt: draft.updatedAt });
    });

    it('a client key gets 403 on services, rate tables and client services', async () => {
      const service = services.SAME_DAY;
      const table = tables.SAME_DAY;
      const validService = { code: 'CLIENT_MADE', name: 'Client made', sla: { type: 'WITHIN', minutes: 30 } };
      errorBody(await clientSettings.get<unknown>('/v1/services'), 403);
      errorBody(await clientSettings.post<unknown>('/v1/services', validService), 403);
      errorBody(await clientSettings.get<unknown>(`/v1/services/${service.id}`), 403);
      errorBody(await clientSettings.patch<unknown>(`/v1/services/${service.id}`, { name: 'x' }), 403);
      errorBody(await clientSettings.delete<unknown>(`/v1/services/${service.id}`), 403);
      errorBody(await clientSettings.get<unknown>('/v1/rate-tables'), 403);
      errorBody(await clientSettings.post<unknown>('/v1/rate-tables', T_SAME), 403);
      errorBody(await clientSettings.get<unknown>(`/v1/rate-tables/${table.id}`), 403);
      errorBody(await clientSettings.patch<unknown>(`/v1/rate-tables/${table.id}`, { name: 'x' }), 403);
      errorBody(await clientSettings.delete<unknown>(`/v1/rate-tables/${table.id}`), 403);
      errorBody(await clientSettings.get<unknown>(`/v1/clients/${main.client.id}/services`), 403);
      errorBody(await clientSettings.put<unknown>(`/v1/clients/${main.client.id}/services`, []), 403);
      expect((await courier.api.get<unknown>(`/v1/services/${service.id}`)).status).toBe(200);
      expect((await courier.api.get<unknown>(`/v1/rate-tables/${table.id}`)).status).toBe(200);
      expect(await courier.api.get<unknown>(`/v1/clients/${main.client.id}/services`)).toMatchObject({ status: 200, body: expect.arrayContaining([expect.anything()]) });
      const codes = (await courier.api.listAll<Service>('/v1/services')).map((s) => s.code);
      expect(codes).not.toContain('CLIENT_MADE');
    });

    it("a client key sees and fixes its own drafts, and gets 404 on another client's drafts", async () => {
      const own = await expectDraft(main, rsEvent({ weight: null }), ['MISSING_WEIGHT']);
      const foreign = await expectDraft(noPickup, rsEvent({ pickup: null }), ['NO_PICKUP_ADDRESS']);

      expect((await getOrder(own.id, clientOrders)).status).toBe('DRAFT');
      const ownDrafts = await clientOrders.listAll<Order>('/v1/orders', { status: 'DRAFT' });
      expect(ownDrafts.map((o) => o.id)).toContain(own.id);
      expect(ownDrafts.map((o) => o.id)).not.toContain(foreign.id);

      errorBody(await clientOrders.get<unknown>(`/v1/orders/${foreign.id}`), 404);
      errorBody(await patchOrder(foreign.id, { pickup: PICKUP }, clientOrders), 404);
      errorBody(await finalize(foreign.id, clientOrders), 404);
      errorBody(await cancel(foreign.id, clientOrders), 404);
      const still = await getOrder(foreign.id);
      expect({ status: still.status, pickup: still.pickup, updatedAt: still.updatedAt }).toEqual({ status: 'DRAFT', pickup: null, updatedAt: foreign.updatedAt });

      // Its own draft: the client fixes and finalises it.
      expect(ok(await patchOrder(own.id, { weight: DEFAULT_WEIGHT }, clientOrders)).draftReasons).toEqual([]);
      const placed = ok(await finalize(own.id, clientOrders));
      expect({ status: placed.status, code: placed.service?.code }).toEqual({ status: 'PLACED', code: 'NEXT_DAY' });
      await waitCreated(own.id);
    });

    it('unknown or malformed ids answer 404 and no key answers 401', async () => {
      errorBody(await patchOrder(randomUUID(), { pieces: 1 }), 404);
      errorBody(await finalize('not-an-id'), 404);
      errorBody(await cancel(randomUUID()), 404);
      errorBody(await courier.api.get<unknown>(`/v1/services/${randomUUID()}`), 404);
      errorBody(await courier.api.get<unknown>(`/v1/rate-tables/not-an-id`), 404);
      errorBody(await finalize(randomUUID(), sys.orders()), 401);
      errorBody(await sys.settings().get<unknown>('/v1/services'), 401);
    });
  });
});

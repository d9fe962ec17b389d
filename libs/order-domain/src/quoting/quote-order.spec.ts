import type { QuotableOrder } from '@portal/contracts';
import type { AssignedService } from './assess-service';
import { type QuoteInput, quoteOrder } from './quote-order';
import { NY, NYC_AREA, ny, rateTable, service, task, WEEKDAY_HOURS } from './testing';

// Monday 2026-03-02, 10:00 in New York.
const now = ny('2026-03-02T10:00');
const midtown = { lat: 40.7484, lng: -73.9857 };
const brooklyn = { lat: 40.6782, lng: -73.9442 };
const boston = { lat: 42.3601, lng: -71.0589 };

const RUSH: AssignedService = {
  service: service({ code: 'RUSH_2H', sla: { type: 'WITHIN', minutes: 120 }, hours: WEEKDAY_HOURS, area: NYC_AREA, maxWeight: { value: 20, unit: 'kg' }, maxPieces: 10 }),
  rateTable: rateTable({ base: { method: 'PER_KM', amount: 500, unitAmount: 150 }, minimum: 700, maximum: 5000 }),
};
const SAME: AssignedService = {
  service: service({ code: 'SAME_DAY', sla: { type: 'SAME_DAY', cutoff: '14:00' }, hours: WEEKDAY_HOURS }),
  rateTable: rateTable({ base: { method: 'FLAT', amount: 1500 } }),
};
const NEXT: AssignedService = {
  service: service({ code: 'NEXT_DAY', sla: { type: 'NEXT_DAY', cutoff: '18:00' }, hours: WEEKDAY_HOURS }),
  rateTable: rateTable({ base: { method: 'FLAT', amount: 900 } }),
};

const order = (fields: Partial<QuotableOrder> = {}): QuotableOrder => ({
  pickup: task(midtown, '350 5th Ave'),
  dropoff: task(brooklyn, '1 Eastern Pkwy'),
  readyBy: now.toISOString(),
  dueBy: null,
  weight: { value: 5, unit: 'kg' },
  pieces: 2,
  serviceCode: null,
  ...fields,
});

const quote = (fields: Partial<QuoteInput> = {}) =>
  quoteOrder({
    order: order(),
    timezone: NY,
    units: 'kg',
    rule: 'FASTEST',
    assigned: [NEXT, RUSH, SAME],
    courierServiceCodes: ['RUSH_2H', 'SAME_DAY', 'NEXT_DAY', 'OVERNIGHT'],
    now,
    ...fields,
  });

const codes = (result: { draftReasons: { code: string }[] }): string[] => result.draftReasons.map((r) => r.code);

describe('quoteOrder: quotes', () => {
  it('quotes every assigned service, sorted by code, with price and window', () => {
    const result = quote();
    expect(result.quotes.map((q) => q.code)).toEqual(['NEXT_DAY', 'RUSH_2H', 'SAME_DAY']);
    expect(result.quotes).toEqual([
      {
        serviceId: 'svc-NEXT_DAY',
        code: 'NEXT_DAY',
        eligible: true,
        reasons: [],
        price: { amount: 900, currency: 'USD' },
        completionWindow: { start: ny('2026-03-03T08:00').toISOString(), end: ny('2026-03-03T20:00').toISOString() },
      },
      {
        serviceId: 'svc-RUSH_2H',
        code: 'RUSH_2H',
        eligible: true,
        reasons: [],
        price: { amount: expect.any(Number), currency: 'USD' },
        completionWindow: { start: ny('2026-03-02T10:00').toISOString(), end: ny('2026-03-02T12:00').toISOString() },
      },
      {
        serviceId: 'svc-SAME_DAY',
        code: 'SAME_DAY',
        eligible: true,
        reasons: [],
        price: { amount: 1500, currency: 'USD' },
        completionWindow: { start: ny('2026-03-02T10:00').toISOString(), end: ny('2026-03-02T20:00').toISOString() },
      },
    ]);
  });

  it('counts a Ready By in the past as now', () => {
    const result = quote({ order: order({ readyBy: ny('2026-03-01T09:00').toISOString() }) });
    expect(result.quotes.find((q) => q.code === 'RUSH_2H')?.completionWindow?.start).toBe(now.toISOString());
  });

  it('keeps a future Ready By', () => {
    const result = quote({ order: order({ readyBy: ny('2026-03-02T15:00').toISOString() }) });
    expect(result.quotes.find((q) => q.code === 'RUSH_2H')?.completionWindow?.start).toBe(ny('2026-03-02T15:00').toISOString());
  });

  it('says why a service is not eligible: area, weight, pieces, window', () => {
    const result = quote({
      order: order({ dropoff: task(boston, '1 Beacon St', 'Boston'), weight: { value: 50, unit: 'lb' }, pieces: 11, readyBy: ny('2026-03-02T14:30').toISOString() }),
      units: 'lb',
    });
    const rush = result.quotes.find((q) => q.code === 'RUSH_2H');
    expect(rush?.eligible).toBe(false);
    expect(rush?.reasons.map((r) => r.code)).toEqual(['OUTSIDE_AREA', 'OVER_MAX_WEIGHT', 'OVER_MAX_PIECES']);
    expect(rush?.reasons[0].message).toContain('dropoff address (1 Beacon St, Boston');
    expect(rush?.reasons[1].message).toContain('50 lb, over the 44.09 lb limit of RUSH_2H');
    const same = result.quotes.find((q) => q.code === 'SAME_DAY');
    expect(same).toMatchObject({ eligible: false, completionWindow: null, reasons: [{ code: 'NO_WINDOW' }] });
    expect(same?.price).toEqual({ amount: 1500, currency: 'USD' });
  });

  it('converts weights between units for the limit', () => {
    const fits = quote({ order: order({ weight: { value: 44, unit: 'lb' } }) });
    const over = quote({ order: order({ weight: { value: 45, unit: 'lb' } }) });
    expect(fits.quotes.find((q) => q.code === 'RUSH_2H')?.eligible).toBe(true);
    expect(over.quotes.find((q) => q.code === 'RUSH_2H')?.reasons.map((r) => r.code)).toEqual(['OVER_MAX_WEIGHT']);
  });
});

describe('quoteOrder: the rules', () => {
  it('FASTEST picks the window that ends earliest', () => {
    expect(quote({ rule: 'FASTEST' })).toMatchObject({ pick: { serviceId: 'svc-RUSH_2H', code: 'RUSH_2H' }, draftReasons: [] });
  });

  it('a null rule is read as FASTEST', () => {
    expect(quote({ rule: null }).pick?.code).toBe('RUSH_2H');
  });

  it('CHEAPEST picks the lowest price', () => {
    expect(quote({ rule: 'CHEAPEST' }).pick?.code).toBe('NEXT_DAY');
  });

  it('CHEAPEST picks the lowest price among the services meeting Due By', () => {
    const result = quote({ rule: 'CHEAPEST', order: order({ dueBy: ny('2026-03-02T21:00').toISOString() }) });
    expect(result.pick?.code).toBe('SAME_DAY');
  });

  it('CHEAPEST breaks a price tie by the earlier window, then by code', () => {
    const flat900 = rateTable({ base: { method: 'FLAT', amount: 900 } });
    const tie = quote({ rule: 'CHEAPEST', assigned: [NEXT, { ...SAME, rateTable: flat900 }] });
    expect(tie.pick?.code).toBe('SAME_DAY');
    const twin = { service: service({ ...NEXT.service, id: 'svc-A_NEXT', code: 'A_NEXT' }), rateTable: flat900 };
    expect(quote({ rule: 'CHEAPEST', assigned: [NEXT, twin] }).pick?.code).toBe('A_NEXT');
  });

  it('FASTEST breaks a window tie by the lower price, then by code', () => {
    const dearTwin = { service: service({ ...NEXT.service, id: 'svc-A_NEXT', code: 'A_NEXT' }), rateTable: rateTable({ base: { method: 'FLAT', amount: 901 } }) };
    expect(quote({ rule: 'FASTEST', assigned: [NEXT, dearTwin] }).pick?.code).toBe('NEXT_DAY');
    const twin = { ...dearTwin, rateTable: NEXT.rateTable };
    expect(quote({ rule: 'FASTEST', assigned: [NEXT, twin] }).pick?.code).toBe('A_NEXT');
  });

  it('drafts with DUE_BY_NOT_MET when no eligible service meets Due By', () => {
    for (const rule of ['FASTEST', 'CHEAPEST'] as const) {
      const result = quote({ rule, order: order({ dueBy: ny('2026-03-02T11:00').toISOString() }) });
      expect(result.pick).toBeNull();
      expect(codes(result)).toEqual(['DUE_BY_NOT_MET']);
      expect(result.draftReasons[0].message).toContain('RUSH_2H, by 2026-03-02 12:00 America/New_York');
    }
  });

  it('drafts with NO_ELIGIBLE_SERVICE when no service can take the order, saying why for each', () => {
    const result = quote({ order: order({ pieces: 11, readyBy: ny('2026-03-02T19:00').toISOString() }), assigned: [RUSH, SAME] });
    expect(codes(result)).toEqual(['NO_ELIGIBLE_SERVICE']);
    expect(result.draftReasons[0].message).toMatch(/RUSH_2H: The order has 11 pieces.*SAME_DAY: SAME_DAY cannot complete the order/);
  });

  it('drafts with NO_ELIGIBLE_SERVICE when the client has no services left', () => {
    expect(quote({ assigned: [] })).toMatchObject({ pick: null, quotes: [], draftReasons: [{ code: 'NO_ELIGIBLE_SERVICE' }] });
  });
});

describe('quoteOrder: a requested service', () => {
  it('is used when valid and eligible, even if the rule would choose another', () => {
    expect(quote({ rule: 'CHEAPEST', order: order({ serviceCode: 'RUSH_2H' }) }).pick?.code).toBe('RUSH_2H');
  });

  it('INVALID_SERVICE when the courier has no such code', () => {
    const result = quote({ order: order({ serviceCode: 'TELEPORT' }) });
    expect(result.pick).toBeNull();
    expect(codes(result)).toEqual(['INVALID_SERVICE']);
    expect(result.draftReasons[0].message).toContain('"TELEPORT" does not exist');
    expect(result.draftReasons[0].message).toContain('NEXT_DAY, RUSH_2H and SAME_DAY');
  });

  it('UNSUPPORTED_SERVICE when it exists but is not assigned to the client', () => {
    const result = quote({ order: order({ serviceCode: 'OVERNIGHT' }) });
    expect(codes(result)).toEqual(['UNSUPPORTED_SERVICE']);
    expect(result.draftReasons[0].message).toContain('not assigned to this client');
  });

  it('UNSUPPORTED_SERVICE when it is not eligible for the order: never re-routed', () => {
    const result = quote({ order: order({ serviceCode: 'RUSH_2H', dropoff: task(boston, '1 Beacon St', 'Boston') }) });
    expect(result.pick).toBeNull();
    expect(codes(result)).toEqual(['UNSUPPORTED_SERVICE']);
    expect(result.draftReasons[0].message).toContain('outside the service area of RUSH_2H');
    expect(result.draftReasons[0].message).toContain('Services that can take it as it stands: NEXT_DAY and SAME_DAY');
  });

  it('DUE_BY_NOT_MET when its window ends after Due By', () => {
    const result = quote({ order: order({ serviceCode: 'NEXT_DAY', dueBy: ny('2026-03-02T21:00').toISOString() }) });
    expect(codes(result)).toEqual(['DUE_BY_NOT_MET']);
    expect(result.draftReasons[0].message).toContain('"NEXT_DAY" completes the order by 2026-03-03 20:00');
  });
});

describe('quoteOrder: facts the order lacks', () => {
  it('MISSING_WEIGHT: no service is priced', () => {
    const result = quote({ order: order({ weight: null }) });
    expect(codes(result)).toEqual(['MISSING_WEIGHT']);
    expect(result.pick).toBeNull();
    expect(result.quotes.every((q) => q.price === null && !q.eligible)).toBe(true);
  });

  it('MISSING_PIECES, and both together', () => {
    expect(codes(quote({ order: order({ pieces: null }) }))).toEqual(['MISSING_PIECES']);
    expect(codes(quote({ order: order({ pieces: null, weight: null }) }))).toEqual(['MISSING_WEIGHT', 'MISSING_PIECES']);
  });

  it('a requested code that does not exist is reported along with the missing facts', () => {
    expect(codes(quote({ order: order({ weight: null, serviceCode: 'TELEPORT' }) }))).toEqual(['MISSING_WEIGHT', 'INVALID_SERVICE']);
  });

  it('NO_PICKUP_ADDRESS when there is no pickup task', () => {
    const result = quote({ order: order({ pickup: null }) });
    expect(codes(result)).toEqual(['NO_PICKUP_ADDRESS']);
    expect(result.quotes.find((q) => q.code === 'RUSH_2H')?.price).toBeNull(); // a distance rate
    expect(result.quotes.find((q) => q.code === 'NEXT_DAY')?.price).toEqual({ amount: 900, currency: 'USD' });
  });

  it('LOCATION_UNKNOWN when a distance rate or an area needs coordinates a task lacks', () => {
    const result = quote({ order: order({ dropoff: task(undefined, '1 Eastern Pkwy') }), assigned: [RUSH] });
    expect(result.pick).toBeNull();
    expect(codes(result)).toEqual(['LOCATION_UNKNOWN']);
    expect(result.draftReasons[0].message).toBe(
      'The dropoff address (1 Eastern Pkwy, New York) has no coordinates, which RUSH_2H needs for its service area and distance pricing: add the dropoff location (lat, lng).',
    );
    expect(result.quotes[0]).toMatchObject({ eligible: false, price: null, reasons: [{ code: 'LOCATION_UNKNOWN' }] });
  });

  it('names both tasks when neither has coordinates', () => {
    const result = quote({ order: order({ pickup: task(undefined, '350 5th Ave'), dropoff: task(undefined, '1 Eastern Pkwy') }), assigned: [RUSH] });
    expect(result.draftReasons[0].message).toMatch(/^The pickup address \(350 5th Ave, New York\) and the dropoff address .* have no coordinates/);
  });

  it('a service that needs no coordinates is still picked when another cannot be judged without them', () => {
    const result = quote({ order: order({ dropoff: task(undefined) }), rule: 'FASTEST' });
    expect(result.pick?.code).toBe('SAME_DAY');
  });
});

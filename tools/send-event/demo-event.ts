import { randomBytes } from 'node:crypto';
import type { CanonicalOrderEvent, CanonicalOrderStateEvent, PickupAddress, TaskInput } from '@portal/contracts';

/** A short random id such as `evt_3f9c1a2b7d04e6a1`. */
export const randomId = (prefix: string): string => `${prefix}_${randomBytes(8).toString('hex')}`;

/** The default pickup the demo and bench clients get: a shop in Manhattan. */
export const MANHATTAN_PICKUP: PickupAddress = {
  address: {
    line1: '200 W 34th St',
    city: 'New York',
    region: 'NY',
    postalCode: '10001',
    country: 'US',
    location: { lat: 40.7506, lng: -73.9903 },
  },
  contact: { name: 'Midtown Flowers', phone: '+12125550199', email: 'shop@midtown-flowers.example' },
};

const DROPOFFS: TaskInput['address'][] = [
  { line1: '350 5th Ave', line2: 'Fl 3', city: 'New York', region: 'NY', postalCode: '10118', country: 'US', location: { lat: 40.7484, lng: -73.9857 } },
  { line1: '1 Centre St', city: 'New York', region: 'NY', postalCode: '10007', country: 'US', location: { lat: 40.7128, lng: -74.0041 } },
  { line1: '1000 5th Ave', city: 'New York', region: 'NY', postalCode: '10028', country: 'US', location: { lat: 40.7794, lng: -73.9632 } },
  { line1: '30 Rockefeller Plaza', city: 'New York', region: 'NY', postalCode: '10112', country: 'US', location: { lat: 40.7587, lng: -73.9787 } },
  { line1: '285 Fulton St', city: 'New York', region: 'NY', postalCode: '10007', country: 'US', location: { lat: 40.7127, lng: -74.0134 } },
];
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra'];

/** What a demo event says happened: a new order, a change to one, its cancellation. */
export type DemoChange = 'create' | 'update' | 'cancel';

export interface DemoEventOptions {
  /** `update`: the whole order as it now is (new window, maybe a new address); `cancel`: its cancellation. Default create. */
  change?: DemoChange;
  /** The reason a cancellation gives. */
  reason?: string;
  eventId?: string;
  externalId?: string;
  /** Leave out the pickup task: the order takes the client's default pickup. */
  dropoffOnly?: boolean;
  /** Picks the dropoff address and recipient (varies the bench's bodies); random by default. */
  seed?: number;
  /** A service code to request (for Rates and Services clients). */
  serviceCode?: string;
  /** Base time for the delivery window; defaults to now. */
  now?: Date;
}

/**
 * A realistic generic order event (PRODUCT 2.2.1): deliver within the next 1-4 hours. An update is
 * the same order as it now is (its window moves with the clock, the address may change).
 */
export function buildDemoEvent(options: DemoEventOptions = {}): CanonicalOrderEvent {
  const now = options.now ?? new Date();
  const seed = options.seed ?? Math.floor(Math.random() * 1000);
  const address = DROPOFFS[seed % DROPOFFS.length];
  const name = NAMES[seed % NAMES.length];
  const inHours = (h: number): string => new Date(now.getTime() + h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const externalId = options.externalId ?? `A-${randomBytes(5).toString('hex').toUpperCase()}`;
  const id = options.eventId ?? randomId('evt');
  if (options.change === 'cancel') {
    return { id, type: 'order.cancelled', occurredAt: now.toISOString(), order: { externalId }, reason: options.reason ?? 'The customer cancelled' };
  }
  const event: CanonicalOrderStateEvent = {
    id,
    type: options.change === 'update' ? 'order.updated' : 'order.created',
    occurredAt: now.toISOString(),
    order: {
      externalId,
      reference: `Web order ${externalId}`,
      dropoff: {
        address,
        contact: { name, phone: '+12125550100', email: `${name.split(' ')[0].toLowerCase()}@example.com` },
        completeAfter: inHours(1),
        completeBefore: inHours(4),
        notes: 'Ring twice',
      },
      weight: { value: 2.5, unit: 'kg' },
      pieces: 2,
      notes: 'Fragile: flowers',
    },
  };
  if (!options.dropoffOnly) {
    event.order.pickup = { ...MANHATTAN_PICKUP, completeAfter: inHours(0.5), notes: 'Ask at the counter' };
  }
  if (options.serviceCode) event.order.serviceCode = options.serviceCode;
  return event;
}

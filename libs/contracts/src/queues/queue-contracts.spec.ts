import type { QuoteRequestedJob, RoutedJob, SettingsJob } from '../index';
import { jobNameOf, orderEventsQueueName, QUEUE_CONTRACTS, QueueNames } from '../index';

const quote: QuoteRequestedJob = {
  v: 1,
  name: 'quote.requested',
  clientId: 'c',
  courierId: 'r',
  order: { pickup: null, dropoff: { address: { line1: 'l', city: 'c', postalCode: 'p', country: 'US' }, contact: { name: 'n' }, completeAfter: null, completeBefore: null, notes: null }, readyBy: '2026-01-01T00:00:00Z', dueBy: null, weight: null, pieces: null, serviceCode: null },
  correlationId: 'x',
};
const serviceChanged = { v: 1, name: 'service.changed', version: 1, deleted: true } as unknown as Extract<SettingsJob, { name: 'service.changed' }>;

describe('the routing table', () => {
  it('gives every queue a contract whose job names are the payloads own', () => {
    for (const queue of Object.values(QueueNames)) expect(QUEUE_CONTRACTS[queue]).toBeDefined();
    expect(QUEUE_CONTRACTS[QueueNames.quoteRequests].safeParse(quote).success).toBe(true);
    expect(jobNameOf({ queue: QueueNames.quoteRequests, data: quote })).toBe('quote.requested');
  });

  it('does not compile a job on the wrong queue or a payload its queue does not take', () => {
    // The type check of `npm test` fails if any of these ever compiles.
    // @ts-expect-error a quote request is not an intake job
    const wrongQueue: RoutedJob = { queue: QueueNames.orderIntake, data: quote };
    // @ts-expect-error services are quoting's business: the gateway's settings queue does not take them
    const notTaken: RoutedJob = { queue: QueueNames.settingsForGateway, data: serviceChanged };
    // @ts-expect-error an order-events queue carries order events only
    const notAnEvent: RoutedJob = { queue: orderEventsQueueName('dispatch'), data: quote };
    expect([wrongQueue, notTaken, notAnEvent]).toHaveLength(3);
  });
});

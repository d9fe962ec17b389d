import type { CanonicalOrderEvent } from '@portal/contracts';
import { buildDemoEvent, randomId } from '../send-event/demo-event';
import { setupRatesAndServices } from '../send-event/rates-and-services';
import type { TenantSetupOptions } from '../send-event/setup-tenant';

/** What tenant the bench makes and what events it sends. */
export interface BenchScenario {
  name: string;
  description: string;
  configureClient?: TenantSetupOptions['configureClient'];
  buildEvent(index: number, externalId: string): CanonicalOrderEvent;
}

// Half the events carry a pickup, half use the client's default pickup.
const demoEvent = (index: number, externalId: string): CanonicalOrderEvent =>
  buildDemoEvent({ eventId: randomId('evt'), externalId, seed: index, dropoffOnly: index % 2 === 1 });

export const SCENARIOS: Record<string, BenchScenario> = {
  plain: { name: 'plain', description: 'client without Rates and Services; half pickup+dropoff, half dropoff-only', buildEvent: demoEvent },
  'rates-and-services': {
    name: 'rates-and-services',
    description: 'three services, distance-based tables, CHEAPEST; every order quoted',
    configureClient: (ctx) => setupRatesAndServices(ctx, 'CHEAPEST'),
    buildEvent: demoEvent,
  },
};

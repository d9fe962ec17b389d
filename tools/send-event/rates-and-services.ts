import type { CreateRateTable, CreateService, RateTable, Service, ServiceSelectionRule } from '@portal/contracts';
import { call } from './http';
import type { TenantContext } from './setup-tenant';

/** Three services around the clock, so any time of day can be quoted: 2-hour rush, same day, next day. */
const SERVICES: CreateService[] = [
  { code: 'RUSH_2H', name: '2-hour rush', sla: { type: 'WITHIN', minutes: 120 } },
  { code: 'SAME_DAY', name: 'Same day', sla: { type: 'SAME_DAY', cutoff: '23:59' } },
  { code: 'NEXT_DAY', name: 'Next day', sla: { type: 'NEXT_DAY', cutoff: '18:00' } },
];

/** Distance-based prices (PER_KM), dearer for faster services, with a weight surcharge above 10 kg. */
const tableFor = (service: CreateService, i: number): CreateRateTable => ({
  name: `${service.name} rates`,
  currency: 'USD',
  base: { method: 'PER_KM', amount: 900 - i * 250, unitAmount: 180 - i * 40 },
  modifiers: [{ metric: 'WEIGHT_KG', above: 10, unitAmount: 100 }],
  minimum: 500,
});

/**
 * Gives the tenant's client Rates and Services (for the benchmark's quoting scenario and demos):
 * three services each paired with a distance-based table, picked by the given rule.
 */
export async function setupRatesAndServices(ctx: TenantContext, rule: ServiceSelectionRule = 'CHEAPEST'): Promise<{ serviceSelectionRule: ServiceSelectionRule }> {
  const pairs = [];
  for (const [i, service] of SERVICES.entries()) {
    const created = await call<Service>('POST', `${ctx.settingsUrl}/v1/services`, { token: ctx.courierApiKey, json: service });
    const table = await call<RateTable>('POST', `${ctx.settingsUrl}/v1/rate-tables`, { token: ctx.courierApiKey, json: tableFor(service, i) });
    pairs.push({ serviceId: created.id, rateTableId: table.id });
  }
  await call('PUT', `${ctx.settingsUrl}/v1/clients/${ctx.clientId}/services`, { token: ctx.courierApiKey, json: pairs });
  return { serviceSelectionRule: rule };
}

import type { ConnectionHealth, IntegrationEventOutcome, OrderStatus, Platform, RateMethod, Sla } from '@portal/contracts/http';

// Records over the contracts' enums: a new outcome or status does not compile until it has words.

/** What became of an integration event, for people. */
export const OUTCOME_WORDS: Record<IntegrationEventOutcome, string> = {
  PENDING: 'Being processed',
  PLACED: 'Became an order',
  DRAFT: 'Became a draft to fix',
  UPDATED: 'Changed its order',
  CANCELLED: 'Cancelled its order',
  DUPLICATE: 'A repeat of an event already taken',
  REJECTED: 'Refused',
  IGNORED: 'Created nothing, by design',
  FAILED: 'Failed after its retries',
};

export const OUTCOME_TONE: Record<IntegrationEventOutcome, Tone> = {
  PENDING: 'neutral',
  PLACED: 'ok',
  DRAFT: 'warn',
  UPDATED: 'ok',
  CANCELLED: 'neutral',
  DUPLICATE: 'neutral',
  REJECTED: 'danger',
  IGNORED: 'neutral',
  FAILED: 'danger',
};

export type Tone = 'ok' | 'warn' | 'danger' | 'neutral' | 'info';

export const STATUS_WORDS: Record<OrderStatus, string> = { DRAFT: 'Draft', PLACED: 'Placed', CANCELLED: 'Cancelled' };
export const STATUS_TONE: Record<OrderStatus, Tone> = { DRAFT: 'warn', PLACED: 'ok', CANCELLED: 'neutral' };

export const HEALTH_WORDS: Record<ConnectionHealth, string> = {
  NEW: 'Nothing received yet',
  OK: 'Delivering',
  SILENT: 'Silent: nothing arrived for a while',
};
export const HEALTH_TONE: Record<ConnectionHealth, Tone> = { NEW: 'info', OK: 'ok', SILENT: 'danger' };

export const PLATFORM_WORDS: Record<Platform, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce', generic: 'Generic webhook' };

export const RATE_METHOD_WORDS: Record<RateMethod, string> = {
  FLAT: 'Flat',
  PER_KM: 'Per km',
  PER_MI: 'Per mile',
  PER_KG: 'Per kg',
  PER_LB: 'Per lb',
  PER_PIECE: 'Per piece',
};

export function slaWords(sla: Sla): string {
  switch (sla.type) {
    case 'WITHIN':
      return sla.minutes % 60 === 0 ? `Within ${sla.minutes / 60} h of Ready By` : `Within ${sla.minutes} min of Ready By`;
    case 'SAME_DAY':
      return `Same day (cutoff ${sla.cutoff})`;
    case 'NEXT_DAY':
      return `Next day (cutoff ${sla.cutoff})`;
  }
}

import type { ConsoleConfig } from './config';

/**
 * Same-origin paths of the public APIs: `/api/<service>/<the service's own path>`. A prefix per
 * service, rather than routing on `/v1/...` paths, keeps every service's /health and /docs reachable
 * and never has to follow which service owns which path.
 */
export const API_ROUTES = [
  { prefix: '/api/client-settings', name: 'client settings', upstream: (c: ConsoleConfig) => c.upstreams.clientSettings },
  { prefix: '/api/order-management', name: 'order management', upstream: (c: ConsoleConfig) => c.upstreams.orderManagement },
  { prefix: '/api/ingestion-gateway', name: 'the ingestion gateway', upstream: (c: ConsoleConfig) => c.upstreams.ingestionGateway },
  { prefix: '/api/quoting', name: 'quoting', upstream: (c: ConsoleConfig) => c.upstreams.quoting },
] as const;

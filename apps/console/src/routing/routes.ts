/** Every page of the console, as the URL names it (the API key never appears in one). */
export type Route =
  | { page: 'home' }
  | { page: 'overview' }
  | { page: 'clients' }
  | { page: 'integration-settings'; clientId: string }
  | { page: 'rates-and-services' }
  | { page: 'api-keys' }
  | { page: 'drafts' }
  | { page: 'draft'; orderId: string }
  | { page: 'orders' }
  | { page: 'order'; orderId: string }
  | { page: 'events' }
  | { page: 'not-found' };

const PATTERNS: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ page: 'home' })],
  [/^\/overview$/, () => ({ page: 'overview' })],
  [/^\/clients$/, () => ({ page: 'clients' })],
  [/^\/clients\/([^/]+)$/, (m) => ({ page: 'integration-settings', clientId: m[1] })],
  [/^\/rates-and-services$/, () => ({ page: 'rates-and-services' })],
  [/^\/api-keys$/, () => ({ page: 'api-keys' })],
  [/^\/drafts$/, () => ({ page: 'drafts' })],
  [/^\/drafts\/([^/]+)$/, (m) => ({ page: 'draft', orderId: m[1] })],
  [/^\/orders$/, () => ({ page: 'orders' })],
  [/^\/orders\/([^/]+)$/, (m) => ({ page: 'order', orderId: m[1] })],
  [/^\/integration-events$/, () => ({ page: 'events' })],
];

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, route] of PATTERNS) {
    const match = path.match(pattern);
    if (match) return route(match);
  }
  return { page: 'not-found' };
}

export const paths = {
  overview: '/overview',
  clients: '/clients',
  integrationSettings: (clientId: string) => `/clients/${encodeURIComponent(clientId)}`,
  ratesAndServices: '/rates-and-services',
  apiKeys: '/api-keys',
  drafts: '/drafts',
  draft: (orderId: string) => `/drafts/${encodeURIComponent(orderId)}`,
  orders: '/orders',
  order: (orderId: string) => `/orders/${encodeURIComponent(orderId)}`,
  events: '/integration-events',
};

import type { Session } from '../session/session-context';
import { paths } from '../routing/routes';

export interface NavItem {
  label: string;
  to: string;
  /** The path prefixes that count as being on this item's page. */
  matches: string[];
}

/** The pages a key may open, named as in PRODUCT 2.5; a client key gets no courier-only page. */
export function navItems(session: Session): NavItem[] {
  const shared: NavItem[] = [
    { label: 'Drafts', to: paths.drafts, matches: ['/drafts'] },
    { label: 'Orders', to: paths.orders, matches: ['/orders'] },
    { label: 'Integration events', to: paths.events, matches: ['/integration-events'] },
  ];
  if (session.ownClientId) {
    return [{ label: 'Integration Settings', to: paths.integrationSettings(session.ownClientId), matches: ['/clients'] }, ...shared];
  }
  return [
    { label: 'Overview', to: paths.overview, matches: ['/overview'] },
    { label: 'Clients', to: paths.clients, matches: ['/clients'] },
    ...shared,
    { label: 'Rates and Services', to: paths.ratesAndServices, matches: ['/rates-and-services'] },
    { label: 'API keys', to: paths.apiKeys, matches: ['/api-keys'] },
  ];
}

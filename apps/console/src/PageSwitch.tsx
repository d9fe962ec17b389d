import { useEffect, useRef } from 'react';
import { useClientsDirectory } from './hooks/clients-directory';
import { ApiKeysPage } from './pages/api-keys/ApiKeysPage';
import { ClientsPage } from './pages/clients/ClientsPage';
import { DraftPage } from './pages/drafts/DraftPage';
import { DraftsPage } from './pages/drafts/DraftsPage';
import { EventsPage } from './pages/events/EventsPage';
import { IntegrationSettingsPage } from './pages/integration-settings/IntegrationSettingsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrderPage } from './pages/orders/OrderPage';
import { OrdersPage } from './pages/orders/OrdersPage';
import { OverviewPage } from './pages/overview/OverviewPage';
import { RatesAndServicesPage } from './pages/rates-and-services/RatesAndServicesPage';
import { navigate, useLocation } from './routing/location';
import { matchRoute, paths, type Route } from './routing/routes';
import { useSession } from './session/session-context';

const COURIER_ONLY: Route['page'][] = ['overview', 'clients', 'rates-and-services', 'api-keys'];

/** The page the URL names, if this key may see it. */
export function PageSwitch() {
  const session = useSession();
  const { refresh } = useClientsDirectory();
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  const home = session.ownClientId ? paths.integrationSettings(session.ownClientId) : paths.overview;
  const goesHome = route.page === 'home' || (!session.isCourier && COURIER_ONLY.includes(route.page));

  useEffect(() => {
    if (goesHome) navigate(home, { replace: true });
  }, [goesHome, home]);

  // A new page starts at its top, with the focus on its content for keyboard and screen reader users,
  // and with client names as they are now (someone else may have added a client meanwhile).
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
    refresh();
  }, [pathname, refresh]);

  if (goesHome) return null;
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'clients':
      return <ClientsPage />;
    case 'integration-settings':
      return <IntegrationSettingsPage key={route.clientId} clientId={route.clientId} />;
    case 'rates-and-services':
      return <RatesAndServicesPage />;
    case 'api-keys':
      return <ApiKeysPage />;
    case 'drafts':
      return <DraftsPage />;
    case 'draft':
      return <DraftPage key={route.orderId} orderId={route.orderId} />;
    case 'orders':
      return <OrdersPage />;
    case 'order':
      return <OrderPage key={route.orderId} orderId={route.orderId} />;
    case 'events':
      return <EventsPage />;
    default:
      return <NotFoundPage />;
  }
}

import { Link } from '../routing/Link';
import { useLocation } from '../routing/location';
import { useSession } from '../session/session-context';
import { NavIcon } from './NavIcon';
import { navItems } from './nav-items';

/** The console's navigation and who is signed in; on a phone it opens from the top bar. */
export function Sidebar({ open, onNavigate }: { open: boolean; onNavigate: () => void }) {
  const session = useSession();
  const { pathname } = useLocation();
  const who = session.identity.role === 'client' ? `Client key · ${session.identity.client.name}` : 'Courier key';
  return (
    <div className={`sidebar ${open ? 'sidebar--open' : ''}`} id="sidebar">
      <nav className="nav" aria-label="Console">
        <ul>
          {navItems(session).map((item) => {
            const current = item.matches.some((m) => pathname === m || pathname.startsWith(`${m}/`));
            return (
              <li key={item.label}>
                <Link to={item.to} className={`nav__link ${current ? 'nav__link--current' : ''}`} aria-current={current ? 'page' : undefined} onClick={onNavigate}>
                  <NavIcon name={item.label} />
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="sidebar__footer">
        <p className="sidebar__who">{who}</p>
        <button type="button" className="button button--ghost-light button--small" onClick={() => session.signOut()}>
          Sign out
        </button>
      </div>
    </div>
  );
}

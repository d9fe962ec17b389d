import { Spinner } from './components/Spinner';
import { ClientsDirectoryProvider } from './hooks/clients-directory';
import { Shell } from './layout/Shell';
import { PageSwitch } from './PageSwitch';
import { SignInPage } from './pages/sign-in/SignInPage';
import { SessionProvider, useSessionControls } from './session/session-context';

function Gate() {
  const { state } = useSessionControls();
  if (state.status === 'checking') {
    return (
      <p className="loading loading--page" role="status">
        <Spinner /> Checking your key…
      </p>
    );
  }
  if (state.status === 'signed-out') return <SignInPage notice={state.notice} />;
  return (
    <ClientsDirectoryProvider>
      <Shell>
        <PageSwitch />
      </Shell>
    </ClientsDirectoryProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

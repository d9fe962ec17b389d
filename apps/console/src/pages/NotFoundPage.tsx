import { PageHeader } from '../components/PageHeader';
import { Link } from '../routing/Link';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" description="There is no page at this address." />
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}

import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error';
import { Button } from './Button';
import { ErrorNotice } from './ErrorNotice';
import { Spinner } from './Spinner';

interface LoadingStateProps {
  loading: boolean;
  error: ApiError | undefined;
  /** What is being read, for the progress line and the error ("Loading the drafts"). */
  what: string;
  onRetry?: () => void;
  /** Whether there is something to show already (a reload keeps the old rows on screen). */
  hasData: boolean;
  children: ReactNode;
}

/** Progress while the first answer is on its way, the API's error if it fails, then the content. */
export function LoadingState({ loading, error, what, onRetry, hasData, children }: LoadingStateProps) {
  if (error) {
    return (
      <div className="load-error">
        <ErrorNotice error={error} action={what} />
        {onRetry && <Button onClick={onRetry}>Try again</Button>}
      </div>
    );
  }
  if (loading && !hasData) {
    return (
      <p className="loading" role="status">
        <Spinner /> {what}…
      </p>
    );
  }
  return <>{children}</>;
}

import type { ApiError } from '../api/api-error';

interface ErrorNoticeProps {
  error: ApiError | undefined;
  /** What was being attempted, as the person would say it ("Saving the settings"). */
  action?: string;
  /** Leave out the details shown beside their own fields. */
  hidePaths?: string[];
  onDismiss?: () => void;
}

/** The API's own message, next to what caused it, with the details it gave. */
export function ErrorNotice({ error, action, hidePaths = [], onDismiss }: ErrorNoticeProps) {
  if (!error) return null;
  const details = error.details.filter((d) => !hidePaths.some((p) => d.path === p || d.path.startsWith(`${p}.`)));
  return (
    <div className="notice notice--danger" role="alert">
      <div className="notice__body">
        <p className="notice__title">
          {action ? `${action} failed: ` : ''}
          {error.message}
        </p>
        {details.length > 0 && (
          <ul className="notice__details">
            {details.map((d, i) => (
              <li key={`${d.path}-${i}`}>
                {d.path && d.path !== 'order' ? <code>{d.path}</code> : null} {d.message}
              </li>
            ))}
          </ul>
        )}
        <p className="notice__code">
          {error.status > 0 ? `HTTP ${error.status} · ` : ''}
          {error.code}
        </p>
      </div>
      {onDismiss && (
        <button type="button" className="notice__dismiss" onClick={onDismiss} aria-label="Dismiss this error">
          ×
        </button>
      )}
    </div>
  );
}

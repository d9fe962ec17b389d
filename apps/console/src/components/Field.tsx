import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import type { ApiError } from '../api/api-error';

interface FieldProps {
  label: string;
  /** The field path the API names in error details (`timezone`, `dropoff.address.city`). */
  path?: string;
  error?: ApiError;
  hint?: ReactNode;
  /** One input, select or textarea; it gets the id, and aria links to the hint and the error. */
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
  className?: string;
}

/** A labelled control with its hint and, when the API refused it, the API's words about it. */
export function Field({ label, path, error, hint, children, className }: FieldProps) {
  const id = useId();
  const problems = path && error ? error.detailsAt(path) : [];
  const describedBy = [hint ? `${id}-hint` : '', problems.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${problems.length ? 'field--invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': problems.length > 0 || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p id={`${id}-error`} className="field__error">
          {problems.map((p) => p.message).join('; ')}
        </p>
      )}
    </div>
  );
}

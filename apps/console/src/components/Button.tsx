import type { ButtonHTMLAttributes } from 'react';
import { Spinner } from './Spinner';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost' | 'ghost-danger';
  /** While true the button is disabled and says `pendingText` beside a spinner. */
  pending?: boolean;
  pendingText?: string;
  size?: 'normal' | 'small';
}

export function Button({ variant = 'secondary', pending = false, pendingText, size = 'normal', disabled, children, className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['button', `button--${variant}`, size === 'small' ? 'button--small' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} disabled={disabled || pending} aria-busy={pending || undefined} {...rest}>
      {pending ? (
        <>
          <Spinner />
          <span>{pendingText ?? children}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}

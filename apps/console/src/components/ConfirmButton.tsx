import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';

interface ConfirmButtonProps {
  /** The first button's words ("Delete"). */
  children: ReactNode;
  /** The question asked before acting ("Delete this connection? Its webhook URL stops working."). */
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  pendingText?: string;
  variant?: 'danger' | 'secondary';
  size?: 'normal' | 'small';
}

/** An action that cannot be undone asks first, inline, and the question gets the focus. */
export function ConfirmButton({ children, question, confirmLabel, onConfirm, pending, pendingText, variant = 'danger', size = 'small' }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  if (pending) return <Button variant={variant} size={size} pending pendingText={pendingText} />;
  if (!asking) {
    return (
      <Button variant={variant === 'danger' ? 'ghost-danger' : variant} size={size} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question" tabIndex={-1} ref={questionRef}>
        {question}
      </span>
      <Button
        variant={variant}
        size={size}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button size={size} variant="ghost" onClick={() => setAsking(false)}>
        Keep it
      </Button>
    </span>
  );
}

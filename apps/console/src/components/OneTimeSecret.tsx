import { useEffect, useRef } from 'react';
import { Button } from './Button';
import { CopyButton } from './CopyButton';

export interface SecretLine {
  label: string;
  value: string;
  /** Set in a monospace face that tells 0 from O; the value is shown in full, once. */
  secret?: boolean;
}

/** What the API shows only once (a signing secret, an API key), with Copy buttons and a clear warning. */
export function OneTimeSecret({ title, lines, warning, onDone }: { title: string; lines: SecretLine[]; warning: string; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="once" ref={ref} tabIndex={-1} role="region" aria-label={title}>
      <p className="once__title">{title}</p>
      <p className="once__warning">{warning}</p>
      <dl className="once__lines">
        {lines.map((line) => (
          <div key={line.label} className="once__line">
            <dt>{line.label}</dt>
            <dd>
              <input className={`once__value ${line.secret ? 'once__value--secret' : ''}`} readOnly value={line.value} aria-label={line.label} onFocus={(e) => e.target.select()} />
              <CopyButton value={line.value} what={line.label} />
            </dd>
          </div>
        ))}
      </dl>
      <Button variant="primary" onClick={onDone}>
        I have saved it
      </Button>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { Button } from './Button';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies `value` to the clipboard and says so. Where the browser refuses (a page not served over
 * https or localhost has no clipboard API), it says that instead: the value stays selectable beside it.
 */
export function CopyButton({ value, label = 'Copy', what }: { value: string; label?: string; what: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy">
      <Button size="small" onClick={copy} aria-label={`${label} ${what}`}>
        {state === 'copied' ? 'Copied' : label}
      </Button>
      <span className="copy__status" role="status">
        {state === 'copied' ? `${what} copied to the clipboard.` : state === 'failed' ? 'The browser refused the clipboard: select the text and copy it.' : ''}
      </span>
    </span>
  );
}

import { useId, type ReactNode } from 'react';

/** A card with an h2, so each part of a page is a landmark a screen reader can jump to. */
export function Section({ title, description, actions, children, className }: { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`section ${className ?? ''}`} aria-labelledby={id}>
      <div className="section__head">
        <div>
          <h2 id={id} className="section__title">
            {title}
          </h2>
          {description && <p className="section__description">{description}</p>}
        </div>
        {actions && <div className="section__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

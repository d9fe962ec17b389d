import type { IntegrationEvent } from '@portal/contracts/http';
import { OUTCOME_WORDS } from '../../format/words';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** What became of one event and why, with the order or draft it made. */
export function WhatBecameOfIt({ event }: { event: IntegrationEvent }) {
  return (
    <div className="stack stack--tight">
      <span>
        {OUTCOME_WORDS[event.outcome]}
        {event.orderId && (
          <>
            {' · '}
            <Link to={event.outcome === 'DRAFT' ? paths.draft(event.orderId) : paths.order(event.orderId)}>{event.outcome === 'DRAFT' ? 'open the draft' : 'see the order'}</Link>
          </>
        )}
      </span>
      {event.reason && <span className="why">{event.reason}</span>}
      {event.reasonCode && <code className="reasons__code">{event.reasonCode}</code>}
      {event.replayOf && <span className="muted">A replay of an earlier entry</span>}
    </div>
  );
}

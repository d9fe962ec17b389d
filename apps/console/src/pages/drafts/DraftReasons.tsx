import type { Order } from '@portal/contracts/http';
import { ReasonList } from '../../components/ReasonList';

/** What keeps the draft from being placed, recomputed by the API on every save. */
export function DraftReasons({ draft }: { draft: Order }) {
  const ready = draft.draftReasons.length === 0;
  return (
    <div className={`reasons-panel ${ready ? 'reasons-panel--ok' : ''}`} role="status" aria-live="polite">
      <h2 className="reasons-panel__title">{ready ? 'Nothing is missing: ready to Finalize' : 'Why this is a draft'}</h2>
      <ReasonList reasons={draft.draftReasons} />
    </div>
  );
}

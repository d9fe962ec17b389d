import { useState } from 'react';
import type { IntegrationEvent } from '@portal/contracts/http';
import { orderManagementApi } from '../../api/order-management';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';

/** Processes one refused, failed or ignored event again with today's configuration. */
export function ReplayButton({ event, onReplayed }: { event: IntegrationEvent; onReplayed: () => void }) {
  const [queued, setQueued] = useState(false);
  const replay = useAction(async () => {
    await orderManagementApi.replayEvent(event.id);
    setQueued(true);
    onReplayed();
  });
  if (queued) return <span className="muted" role="status">Replay queued: its new entry appears in this list once it is processed.</span>;
  return (
    <div className="stack stack--tight">
      <Button size="small" onClick={() => void replay.run()} pending={replay.pending} pendingText="Replaying…" aria-label={`Replay event for ${event.externalOrderId ?? 'unknown order'}`}>
        Replay
      </Button>
      <ErrorNotice error={replay.error} action="Replaying" onDismiss={replay.clearError} />
    </div>
  );
}

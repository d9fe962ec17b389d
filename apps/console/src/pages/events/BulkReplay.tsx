import { useState } from 'react';
import type { ReplayEventsRequest } from '@portal/contracts/http';
import { orderManagementApi } from '../../api/order-management';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/use-action';

/** Replays every event matching the filter that was not replayed yet (courier only). */
export function BulkReplay({ filter, onReplayed }: { filter: ReplayEventsRequest; onReplayed: () => void }) {
  const [replayed, setReplayed] = useState<number>();
  const replay = useAction(async () => {
    const answer = await orderManagementApi.replayEvents(filter);
    setReplayed(answer.replayed);
    onReplayed();
  });
  return (
    <div className="stack stack--tight">
      <ConfirmButton
        variant="secondary"
        size="normal"
        question={`Replay every ${filter.outcome.toLowerCase()} event that matches, with today's configuration?`}
        confirmLabel="Replay all"
        onConfirm={() => void replay.run()}
        pending={replay.pending}
        pendingText="Replaying…"
      >
        Replay all matching
      </ConfirmButton>
      {replayed !== undefined && <Notice tone="ok">{replayed === 0 ? 'Nothing left to replay for this filter.' : `${replayed} event${replayed === 1 ? '' : 's'} queued again.`}</Notice>}
      <ErrorNotice error={replay.error} action="Replaying" onDismiss={replay.clearError} />
    </div>
  );
}

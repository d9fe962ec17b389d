import type { Task } from '@portal/contracts/http';
import { AddressView } from '../../components/AddressView';
import { DateTime } from '../../components/DateTime';

/** A pickup or dropoff: where, who, and within which window. */
export function TaskCard({ title, task, timeZone }: { title: string; task: Task | null; timeZone: string }) {
  return (
    <article className="task" aria-label={title}>
      <h3 className="task__title">{title}</h3>
      {task ? (
        <>
          <AddressView address={task.address} contact={task.contact} />
          <dl className="facts facts--compact">
            <div>
              <dt>Complete after</dt>
              <dd>
                <DateTime iso={task.completeAfter} timeZone={timeZone} empty="Any time" />
              </dd>
            </div>
            <div>
              <dt>Complete before</dt>
              <dd>
                <DateTime iso={task.completeBefore} timeZone={timeZone} empty="No deadline" />
              </dd>
            </div>
            {task.notes && (
              <div>
                <dt>Notes</dt>
                <dd>{task.notes}</dd>
              </div>
            )}
          </dl>
        </>
      ) : (
        <p className="muted">No pickup address yet.</p>
      )}
    </article>
  );
}

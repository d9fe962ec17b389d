import type { Task } from '@portal/contracts';
import { DateTime } from 'luxon';
import { clientZone } from '../time/client-zone';

/** Words for reason messages: people read them, so times are local and addresses recognisable. */

export type TaskName = 'pickup' | 'dropoff';

export function describeTask(name: TaskName, task: Task): string {
  return `the ${name} address (${task.address.line1}, ${task.address.city})`;
}

export function formatLocal(instant: Date | number, timezone: string): string {
  return `${DateTime.fromMillis(+instant, { zone: clientZone(timezone) }).toFormat('yyyy-MM-dd HH:mm')} ${timezone}`;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

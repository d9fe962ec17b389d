import type { Task, Weight } from '@portal/contracts';

/** An order as built from an integration event, before placement decides its status and service. */
export interface BuiltOrder {
  externalOrderId: string;
  reference: string | null;
  pickup: Task;
  dropoff: Task;
  /** ISO 8601 UTC. */
  readyBy: string;
  /** ISO 8601 UTC, or null when the dropoff has no latest completion time. */
  dueBy: string | null;
  weight: Weight | null;
  pieces: number | null;
  serviceCode: string | null;
  notes: string | null;
}

import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Location, Reason, Service, Task, Weight } from '@portal/contracts';
import { describeTask, type TaskName } from './describe';
import { outsideArea, overMaxPieces, overMaxWeight } from './quote-reasons';
import { exceedsWeight, type WeightUnit } from './units';

/** The order facts a service's limits are checked against; null when the order does not say. */
export interface OrderFacts {
  pickup: Task | null;
  dropoff: Task;
  weight: Weight | null;
  pieces: number | null;
}

/** The order's tasks that exist, by name (a draft may lack its pickup). */
export function tasksOf(facts: Pick<OrderFacts, 'pickup' | 'dropoff'>): { name: TaskName; task: Task }[] {
  return [...(facts.pickup ? [{ name: 'pickup' as const, task: facts.pickup }] : []), { name: 'dropoff' as const, task: facts.dropoff }];
}

/** Inside or on the edge of the service's polygon (holes excluded), by turf. */
export function insideArea(area: NonNullable<Service['area']>, location: Location): boolean {
  return booleanPointInPolygon([location.lng, location.lat], area);
}

/**
 * Where the service rules the order out by its own limits: area (both tasks inside), max weight, max
 * pieces. Facts the order lacks are not judged here: missing weight, pieces, pickup or coordinates
 * are reported once as missing, not as a breach.
 */
export function limitReasons(service: Service, facts: OrderFacts, units: WeightUnit): Reason[] {
  const reasons: Reason[] = [];
  const { area } = service;
  if (area) {
    for (const { name, task } of tasksOf(facts)) {
      const location = task.address.location;
      if (location && !insideArea(area, location)) reasons.push(outsideArea(service, name, describeTask(name, task)));
    }
  }
  if (service.maxWeight && facts.weight && exceedsWeight(facts.weight, service.maxWeight)) {
    reasons.push(overMaxWeight(service, facts.weight, service.maxWeight, units));
  }
  if (service.maxPieces !== undefined && facts.pieces !== null && facts.pieces > service.maxPieces) {
    reasons.push(overMaxPieces(service, facts.pieces, service.maxPieces));
  }
  return reasons;
}

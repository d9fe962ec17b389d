import { z } from 'zod';
import type { OrderEvent } from '../events/order-events.schema';
import { ActivityJobSchema } from './activity-jobs.schema';
import { IntakeJobSchema } from './intake-jobs.schema';
import { QueueNames, type QueueName } from './queue-names';
import { QuotedJobSchema, QuoteRequestedJobSchema } from './quote-jobs.schema';
import { DeliveryReplayRequestedJobSchema } from './replay-jobs.schema';
import {
  ApiKeyChangedJobSchema,
  ClientChangedJobSchema,
  ConnectionChangedJobSchema,
  SettingsJobSchema,
} from './settings-jobs.schema';

/** What order management and the gateway keep of client settings: clients, connections, keys. */
const RoutingSettingsJobSchema = z.discriminatedUnion('name', [ClientChangedJobSchema, ConnectionChangedJobSchema, ApiKeyChangedJobSchema]);

/**
 * The routing table: which jobs each queue carries. A job's name is its payload's own discriminator
 * (`name`), so a producer names only the queue and the payload: a job written to the wrong queue, or
 * with a payload its queue does not take, does not compile; a consumer parses with the same schema.
 */
export const QUEUE_CONTRACTS = {
  [QueueNames.orderIntake]: IntakeJobSchema,
  [QueueNames.settingsForGateway]: RoutingSettingsJobSchema,
  [QueueNames.settingsForOrderManagement]: RoutingSettingsJobSchema,
  [QueueNames.settingsForQuoting]: SettingsJobSchema,
  [QueueNames.quoteRequests]: QuoteRequestedJobSchema,
  [QueueNames.quotePreviews]: QuoteRequestedJobSchema,
  [QueueNames.quotedOrders]: QuotedJobSchema,
  [QueueNames.deliveryReplays]: DeliveryReplayRequestedJobSchema,
  [QueueNames.settingsActivity]: ActivityJobSchema,
} as const satisfies Record<QueueName, z.ZodType<{ name: string }>>;

export type JobOf<Q extends QueueName> = z.infer<(typeof QUEUE_CONTRACTS)[Q]>;

/** A subscriber's queue of order events (PRODUCT 2.4): one per name in ORDER_EVENT_SUBSCRIBERS. */
export type OrderEventsQueueName = `order-events-${string}`;

/** The queue a subscriber reads, under the BullMQ prefix. */
export const orderEventsQueueName = (subscriber: string): OrderEventsQueueName => `order-events-${subscriber}`;

/** A job addressed to its queue, checked against the routing table at compile time (fields with defaults may be left out). */
export type RoutedJob = { [Q in QueueName]: { queue: Q; data: z.input<(typeof QUEUE_CONTRACTS)[Q]> } }[QueueName] | { queue: OrderEventsQueueName; data: OrderEvent };

/** The BullMQ job name of a routed job: its payload's discriminator (order events are named by `type`). */
export const jobNameOf = (job: RoutedJob): string => ('name' in job.data ? job.data.name : job.data.type);

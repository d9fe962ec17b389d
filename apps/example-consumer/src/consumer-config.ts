import { z } from 'zod';

/** The environment this service reads, checked at start: a bad value stops it, naming the problem. */
export const ConsumerConfigSchema = z.object({
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /** The BullMQ prefix order management writes under (its QUEUE_PREFIX). */
  QUEUE_PREFIX: z.string().min(1).default('bull'),
  /** This service's name in order management's ORDER_EVENT_SUBSCRIBERS: it reads order-events-<name>. */
  ORDER_EVENTS_SUBSCRIBER: z.string().regex(/^[a-z0-9-]+$/).default('dispatch'),
  ORDER_EVENTS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/dispatch'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type ConsumerConfig = z.infer<typeof ConsumerConfigSchema>;

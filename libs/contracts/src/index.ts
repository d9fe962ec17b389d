// Everything a Node service needs: the browser-safe HTTP contracts (./http) and what only services use.
export * from './http';
export * from './events/order-events.schema';
export * from './queues/activity-jobs.schema';
export * from './queues/intake-jobs.schema';
export * from './queues/queue-contracts';
export * from './queues/queue-names';
export * from './queues/quote-jobs.schema';
export * from './queues/replay-jobs.schema';
export * from './queues/settings-jobs.schema';
export * from './signing/generic-signature';

// The part of messaging a queue consumer needs, with no outbox, ORM or Nest modules behind it: the
// BullMQ transport for internal services imports this and nothing else.
export * from './close-redis';
export * from './describe-error';
export * from './parse-job';
export * from './redis-options';
export * from './redis-connection';

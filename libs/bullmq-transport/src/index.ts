export * from './bullmq-exception.filter';
export * from './bullmq-server';
export * from './bullmq-server-options';
export * from './bullmq.context';

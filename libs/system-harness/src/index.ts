export * from './system-under-test';
export * from './redis-cluster';
export * from './console-server';
export * from './forget-queue-prefix';

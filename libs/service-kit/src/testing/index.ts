// Test support, kept out of the main entry point so production code never loads it.
export * from './openapi-for-test';
export * from './schema-drift';
export * from './service-under-test';
export * from '@portal/test-database';
export * from './order-event.fixture';
export * from './tcp-proxy';
export * from './http-answers';
export * from './state-snapshot';
export * from './fuzz/bad-requests';
export * from './fuzz/fuzz-endpoints';
export * from './fuzz/openapi-operations';

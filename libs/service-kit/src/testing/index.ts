// Test support, kept out of the main entry point so production code never loads it.
export * from './service-under-test';
export * from './test-database';
export * from './order-event.fixture';

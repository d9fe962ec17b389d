// The browser-safe part of the contracts: every HTTP request and answer, and what they are built of.
// The console imports this entry, never index.ts, whose signing helpers need node:crypto.
export * from './common/error.schema';
export * from './common/page.schema';
export * from './common/platform.schema';
export * from './common/task.schema';
export * from './common/time.schema';
export * from './events/canonical-order-event.schema';
export * from './http/api-key.schema';
export * from './http/client.schema';
export * from './http/connection.schema';
export * from './http/courier.schema';
export * from './http/hook-answer.schema';
export * from './http/integration-event.schema';
export * from './http/integration-settings.schema';
export * from './http/integration-summary.schema';
export * from './http/order.schema';
export * from './http/quote.schema';
export * from './http/rate-table.schema';
export * from './http/service.schema';

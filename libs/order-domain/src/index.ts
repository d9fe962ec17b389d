export * from './order/build-order';
export * from './order/built-order';
export * from './order/order-reason';
export * from './time/resolve-date-time';

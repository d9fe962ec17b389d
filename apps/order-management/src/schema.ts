/** This app's own PostgreSQL schema. */
export const SCHEMA = 'order_management';

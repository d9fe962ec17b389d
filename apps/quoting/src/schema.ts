/** This app's own PostgreSQL schema. */
export const SCHEMA = 'quoting';

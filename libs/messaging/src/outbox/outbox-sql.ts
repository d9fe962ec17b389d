/**
 * The outbox table every app with an outbox creates in its own schema (used by its first migration,
 * so it stays as it was; OutboxWithoutCreatedAtIndex then drops the index).
 */
export const CREATE_OUTBOX_SQL = [
  `create table "outbox" ("id" uuid not null primary key, "queue" text not null, "job_name" text not null, "payload" jsonb not null, "created_at" timestamptz not null default now());`,
  `create index "outbox_created_at_index" on "outbox" ("created_at");`,
];

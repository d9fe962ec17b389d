import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

const adminUrl = (): string => process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test run, so runs never share state; dropped by `drop()`. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `portal_${label.replace(/[^a-z0-9_]/gi, '_')}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.toLowerCase();
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/** A BullMQ prefix no other run uses. */
export const testQueuePrefix = (): string => `test-${randomBytes(4).toString('hex')}`;

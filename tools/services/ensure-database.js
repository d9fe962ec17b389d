// Logs in to the PostgreSQL that DATABASE_URL names and creates its database when missing (each app
// creates its own schema in it at start). With --check it only makes sure a login works.
//   node tools/services/ensure-database.js [--check] <database-url>
// Exit codes: 0 done, 1 failed, 3 the `pg` package is not installed yet (the caller falls back to psql).
'use strict';

let Client;
try {
  ({ Client } = require('pg'));
} catch {
  process.exit(3);
}

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const databaseUrl = args.find((a) => !a.startsWith('--'));

// A server still starting (or restarting) is waited for; any other failure is reported at once.
const TRANSIENT = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P03']);
const transient = (error) => TRANSIENT.has(error.code) || /terminated|timeout/i.test(error.message);
const hintFor = (error) => {
  if (error.code === '28P01' || /password/i.test(error.message))
    return 'the server wants a password: put it in DATABASE_URL (postgres://user:password@host:port/db), or trust loopback logins in pg_hba.conf ("host all all 127.0.0.1/32 trust")';
  if (error.code === '28000')
    return 'this login is refused (unknown role, or pg_hba.conf): fix DATABASE_URL, or allow it in pg_hba.conf';
  if (error.code === '3D000') return 'the server has no `postgres` database to create others from';
  return '';
};

async function connectWithRetry(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (!transient(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function main() {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name) throw new Error('DATABASE_URL names no database (expected e.g. postgres://postgres@127.0.0.1:5432/portal)');
  // The maintenance database every server has: CREATE DATABASE cannot run inside the target.
  url.pathname = '/postgres';
  const admin = await connectWithRetry(url.toString());
  try {
    if (checkOnly) {
      console.log('services: PostgreSQL accepts logins');
      return;
    }
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) {
      console.log(`services: database ${name} exists`);
      return;
    }
    try {
      await admin.query(`create database "${name.replace(/"/g, '""')}"`);
      console.log(`services: created database ${name}`);
    } catch (error) {
      // Another start racing this one created it first: that is what we wanted.
      if (error.code !== '42P04') throw error;
      console.log(`services: database ${name} exists`);
    }
  } finally {
    await admin.end();
  }
}

main().catch((error) => {
  const hint = hintFor(error) ? ` (${hintFor(error)})` : '';
  console.error(`services: could not log in to PostgreSQL or create the database: ${error.message}${hint}`);
  process.exit(1);
});

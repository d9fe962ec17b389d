// Creates the database named in DATABASE_URL when it does not exist yet (apps create their schemas).
'use strict';
const { Client } = require('pg');

async function main() {
  const url = new URL(process.argv[2]);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name "${name}" must be letters, digits and _`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) {
      await admin.query(`create database "${name}"`);
      console.log(`services: created database ${name}`);
    } else {
      console.log(`services: database ${name} exists`);
    }
  } finally {
    await admin.end();
  }
}

main().catch((error) => {
  console.error(`services: could not make sure the database exists: ${error.message}`);
  process.exit(1);
});

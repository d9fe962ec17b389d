import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@portal/test-database';
import { OutboxMessage } from '../src/outbox/outbox-message.entity';
import { executeBound } from '../src/sql/execute-bound';
import { withPooledConnection } from '../src/sql/pooled-connection';

// One pooled connection, so what it prepared can be read back from the same session.
describe('executeBound (PostgreSQL)', () => {
  let db: TestDatabase;
  let orm: MikroORM<PostgreSqlDriver>;
  const em = (): EntityManager => orm.em.fork() as EntityManager;
  const insert = 'insert into "bound" ("id", "note") values (?, ?::jsonb) returning "id", "note"';

  beforeAll(async () => {
    db = await createTestDatabase('bound');
    orm = await MikroORM.init<PostgreSqlDriver>({ driver: PostgreSqlDriver, clientUrl: db.url, entities: [OutboxMessage], allowGlobalContext: false, debug: false, pool: { min: 0, max: 1 } });
    await em().execute('create table "bound" ("id" int primary key, "note" jsonb not null)');
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('prepares a hot statement once per connection and runs it with new values each time', async () => {
    expect(await executeBound(em(), insert, [1, { a: 1 }])).toEqual([{ id: 1, note: { a: 1 } }]);
    expect(await executeBound(em(), insert, [2, ['x']])).toEqual([{ id: 2, note: ['x'] }]);
    const statements = await withPooledConnection(em(), async (client) => (await client.query<{ statement: string }>({ text: 'select "statement" from pg_prepared_statements' })).rows);
    expect(statements.map((s) => s.statement)).toEqual(['insert into "bound" ("id", "note") values ($1, $2::jsonb) returning "id", "note"']);
  });

  it('converts a failure as MikroORM does, and the connection goes on working', async () => {
    await expect(executeBound(em(), insert, [1, { again: true }])).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    expect(await executeBound(em(), insert, [3, { b: 2 }])).toEqual([{ id: 3, note: { b: 2 } }]);
  });

  it('joins the entity manager\'s transaction when it has one, and rolls back with it', async () => {
    await expect(
      em().transactional(async (tx) => {
        await executeBound(tx as EntityManager, insert, [4, { in: 'tx' }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await executeBound(em(), 'select "id" from "bound" where "id" = ?', [4])).toEqual([]);
  });
});

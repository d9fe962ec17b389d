import { positionalSql } from './pooled-connection';

describe('positionalSql', () => {
  it('numbers placeholders in order, as knex does for PostgreSQL', () => {
    expect(positionalSql('insert into t (a, b) values (?, ?::jsonb) returning ?')).toBe('insert into t (a, b) values ($1, $2::jsonb) returning $3');
  });

  it('keeps an escaped question mark as a literal one', () => {
    expect(positionalSql(`select payload \\? 'key', ? from t`)).toBe(`select payload ? 'key', $1 from t`);
  });

  it('answers the same text for the same statement', () => {
    const sql = 'select ? as x';
    expect(positionalSql(sql)).toBe(positionalSql(sql));
  });
});

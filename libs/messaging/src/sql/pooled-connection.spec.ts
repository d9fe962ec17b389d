import { preparedStatement } from './pooled-connection';

const positionalSql = (sql: string): string => preparedStatement(sql).text;

describe('preparedStatement', () => {
  it('numbers placeholders in order, as knex does for PostgreSQL', () => {
    expect(positionalSql('insert into t (a, b) values (?, ?::jsonb) returning ?')).toBe('insert into t (a, b) values ($1, $2::jsonb) returning $3');
  });

  it('keeps an escaped question mark as a literal one', () => {
    expect(positionalSql(`select payload \\? 'key', ? from t`)).toBe(`select payload ? 'key', $1 from t`);
  });

  it('answers the same name and text for the same statement, and another name for another text', () => {
    const sql = 'select ? as x';
    expect(preparedStatement(sql)).toBe(preparedStatement(sql));
    expect(preparedStatement('select ? as y').name).not.toBe(preparedStatement(sql).name);
  });
});

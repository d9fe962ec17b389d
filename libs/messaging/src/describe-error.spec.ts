import { describeError } from './describe-error';

describe('describeError', () => {
  it('keeps the driver message and code, and drops the SQL with its inlined values', () => {
    const error = Object.assign(new Error(`insert into "events" ("body") values ('\\x7b22736563726574223a2273336372337422}') - null value in column "x" violates not-null constraint`), {
      name: 'NotNullConstraintViolationException',
      code: '23502',
    });
    const text = describeError(error);
    expect(text).toBe('NotNullConstraintViolationException: null value in column "x" violates not-null constraint (code 23502)');
    expect(text).not.toContain('insert');
  });

  it('leaves other errors as they are', () => {
    expect(describeError(new TypeError('boom'))).toBe('TypeError: boom');
    expect(describeError('plain')).toBe('plain');
  });
});

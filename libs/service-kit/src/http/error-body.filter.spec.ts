import { NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { toErrorBody } from './error-body.filter';

describe('toErrorBody', () => {
  it('keeps our codes and details', () => {
    expect(toErrorBody(new AppError(422, 'RULE_REQUIRED', 'Pick a rule.', [{ path: 'serviceSelectionRule', message: 'is required' }]))).toEqual({
      status: 422,
      body: { error: { code: 'RULE_REQUIRED', message: 'Pick a rule.', details: [{ path: 'serviceSelectionRule', message: 'is required' }] } },
    });
  });

  it('gives framework and Fastify errors the same shape', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(toErrorBody({ statusCode: 413, message: 'Request body is too large' })).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
  });

  it('answers 503 with Retry-After when the database or Redis cannot be reached, and says nothing of where', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const answer = toErrorBody(refused);
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'UNAVAILABLE', details: [] } } });
    expect(answer.retryAfterSeconds).toBeGreaterThan(0);
    expect(JSON.stringify(answer.body)).not.toContain('10.0.0.5');
  });

  it('gives every 429 and 503 a Retry-After, the one an AppError names or a default', () => {
    expect(toErrorBody(new AppError(429, 'RATE_LIMITED', 'Slow down.', [], 3)).retryAfterSeconds).toBe(3);
    expect(toErrorBody(new AppError(503, 'QUOTING_UNAVAILABLE', 'Try again.')).retryAfterSeconds).toBeGreaterThan(0);
    expect(toErrorBody(new AppError(400, 'VALIDATION_FAILED', 'No.')).retryAfterSeconds).toBeUndefined();
  });

  it('never leaks an unexpected error', () => {
    expect(toErrorBody(new Error('connection string postgres://secret'))).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.', details: [] } },
    });
  });
});

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

  it('never leaks an unexpected error', () => {
    expect(toErrorBody(new Error('connection string postgres://secret'))).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.', details: [] } },
    });
  });
});

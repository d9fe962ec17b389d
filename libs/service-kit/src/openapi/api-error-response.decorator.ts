import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

/**
 * An error only this route answers (409 on finalize, 422 RULE_REQUIRED...), with the contract's
 * error body. The errors every route shares (400, 401, 403, 404, 500, 503) are added centrally.
 */
export const ApiErrorResponse = (status: number, description: string): MethodDecorator & ClassDecorator =>
  ApiResponse({ status, description, type: ErrorBodyDto });

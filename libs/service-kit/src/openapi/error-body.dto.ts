import { ErrorBodySchema } from '@portal/contracts';
import { createZodDto } from './zod-dto';

// @nestjs/swagger names a model after its class: this one is `ErrorBody` in every document.
class ErrorBody extends createZodDto(ErrorBodySchema) {}

/** The contract's error body (PRODUCT 2) as an OpenAPI model. */
export { ErrorBody as ErrorBodyDto };

export const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { createZodSerializerInterceptor, ZodSerializationException } from 'nestjs-zod';
import { catchError, type Observable, throwError } from 'rxjs';
import { z } from 'zod';
import { zodDetails } from './zod-details';

const ZodSerializerInterceptor = createZodSerializerInterceptor();

/**
 * An answer that does not match the schema it is documented with: our bug. A plain Error, so the
 * error filter logs it and answers 500 INTERNAL; the log names the route and each mismatch's path
 * and message (never the values, which may be secrets or personal data).
 */
export class ResponseContractViolation extends Error {
  override readonly name = 'ResponseContractViolation';

  constructor(context: ExecutionContext, error: unknown) {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const problems = error instanceof z.ZodError ? zodDetails(error).map((d) => `${d.path}: ${d.message}`).join('; ') : String(error);
    super(`${request.method} ${request.routeOptions.url ?? request.url} (${context.getClass().name}.${context.getHandler().name}) answered a body that does not match its declared schema: ${problems}`);
  }
}

/**
 * Checks every answer against the zod schema its route declares with `@ZodResponse` (the one the
 * OpenAPI document shows), through nestjs-zod's own serializer: what is sent is the schema's parse
 * of the answer, so a key the contract does not name never leaves. A mismatch becomes a
 * ResponseContractViolation before anything is sent.
 */
export class ResponseContractInterceptor implements NestInterceptor {
  private readonly serializer: NestInterceptor;

  constructor(reflector: Reflector) {
    this.serializer = new ZodSerializerInterceptor(reflector);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return (this.serializer.intercept(context, next) as Observable<unknown>).pipe(
      catchError((error: unknown) =>
        throwError(() => (error instanceof ZodSerializationException ? new ResponseContractViolation(context, error.getZodError()) : error)),
      ),
    );
  }
}

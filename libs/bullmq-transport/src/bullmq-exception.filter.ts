import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces an unknown handler error with "Internal server error". Hand the
 * error to BullMQ as thrown instead, so the failed job shows the real reason on the dashboard and an
 * `UnrecoverableError` from a handler still skips the retries:
 * `app.useGlobalFilters(new BullMqExceptionFilter())`.
 */
@Catch()
export class BullMqExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

import type { ErrorDetail } from '@portal/contracts';
import type { z } from 'zod';

/** Every zod problem as `{ path: "order.dropoff.address.city", message }` (PRODUCT 2). */
export function zodDetails(error: z.ZodError, prefix: (string | number)[] = []): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

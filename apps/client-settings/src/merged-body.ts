import { AppError, zodDetails } from '@portal/service-kit';
import type { z } from 'zod';

/**
 * A PATCH is applied to the stored whole and the result validated as if it were created anew, so
 * rules that span fields (minimum below maximum, a unit amount for a per-unit method) still hold.
 */
export function validMerge<T extends z.ZodType>(schema: T, merged: unknown): z.infer<T> {
  const result = schema.safeParse(merged);
  if (!result.success) throw new AppError(400, 'VALIDATION_FAILED', 'The change would leave it invalid: see details.', zodDetails(result.error));
  return result.data;
}

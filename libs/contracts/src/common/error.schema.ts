import { z } from 'zod';

export const ErrorDetailSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

/** Every error answered by every service has this shape (PRODUCT 2). */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(ErrorDetailSchema),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

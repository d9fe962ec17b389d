import { z } from 'zod';

export const CreateCourierSchema = z.object({ name: z.string().trim().min(1).max(200) });
export type CreateCourier = z.infer<typeof CreateCourierSchema>;

export const CreatedCourierSchema = z.object({ id: z.uuid(), name: z.string(), apiKey: z.string() });
export type CreatedCourier = z.infer<typeof CreatedCourierSchema>;

export const CreatedApiKeySchema = z.object({ id: z.uuid(), apiKey: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;

import { z } from 'zod';

/** What the gateway answers to an accepted (202) or duplicate (200) delivery. */
export const HookAnswerSchema = z.object({
  eventId: z.string(),
  status: z.enum(['accepted', 'duplicate', 'ignored']),
});
export type HookAnswer = z.infer<typeof HookAnswerSchema>;

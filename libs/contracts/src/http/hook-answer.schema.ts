import { z } from 'zod';

/** What the gateway answers to an accepted (202) or duplicate (200) delivery. */
export const HookAnswerSchema = z.object({
  /** The gateway's id for the stored event, as the integration event log shows it. */
  eventId: z.uuid(),
  status: z.enum(['accepted', 'duplicate', 'ignored']),
});
export type HookAnswer = z.infer<typeof HookAnswerSchema>;

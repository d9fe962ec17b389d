import { z } from 'zod';
import { DateTimeInputSchema } from './time.schema';

const text = (max: number) => z.string().trim().min(1).max(max);

export const LocationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type Location = z.infer<typeof LocationSchema>;

export const AddressSchema = z.object({
  line1: text(200),
  line2: z.string().trim().max(200).optional(),
  city: text(100),
  region: z.string().trim().max(100).optional(),
  postalCode: text(20),
  country: z.string().trim().regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166 country code'),
  location: LocationSchema.optional(),
});
export type Address = z.infer<typeof AddressSchema>;

export const ContactSchema = z.object({
  name: text(200),
  // Phones are free text on the platforms (PLATFORMS.md): keep what was sent.
  phone: z.string().trim().max(50).optional(),
  email: z.string().trim().max(254).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const TaskInputSchema = z.object({
  address: AddressSchema,
  contact: ContactSchema,
  completeAfter: DateTimeInputSchema.optional(),
  completeBefore: DateTimeInputSchema.optional(),
  notes: z.string().max(2000).optional(),
});
export type TaskInput = z.infer<typeof TaskInputSchema>;

export const WeightSchema = z.object({
  value: z.number().positive().max(100000),
  unit: z.enum(['kg', 'lb']),
});
export type Weight = z.infer<typeof WeightSchema>;

export const PickupAddressSchema = z.object({ address: AddressSchema, contact: ContactSchema });
export type PickupAddress = z.infer<typeof PickupAddressSchema>;

import { z } from 'zod';
import { UtcTimestampSchema } from '../common/time.schema';
import { WeightSchema } from '../common/task.schema';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const ClockTimeSchema = z.string().regex(TIME, 'must be a time of day as HH:MM, such as 14:00');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SlaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('WITHIN'), minutes: z.number().int().positive().max(7 * 24 * 60) }),
  z.object({ type: z.literal('SAME_DAY'), cutoff: ClockTimeSchema }),
  z.object({ type: z.literal('NEXT_DAY'), cutoff: ClockTimeSchema }),
]);
export type Sla = z.infer<typeof SlaSchema>;

export const OpeningHoursSchema = z
  .tuple([ClockTimeSchema, ClockTimeSchema])
  .refine(([open, close]) => open < close, 'must open before it closes, as ["08:00", "20:00"]');

export const HoursSchema = z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, OpeningHoursSchema.optional()])) as Record<Weekday, z.ZodOptional<typeof OpeningHoursSchema>>).strict();
export type Hours = z.infer<typeof HoursSchema>;

const PositionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const RingSchema = z
  .array(PositionSchema)
  .min(4, 'a ring needs at least 4 positions (the first repeated last)')
  .refine((ring) => {
    const [first, last] = [ring[0], ring[ring.length - 1]];
    return first[0] === last[0] && first[1] === last[1];
  }, 'a ring must close: its last position must equal its first');

/** GeoJSON Polygon ([lng, lat] positions): an outer ring and optional holes. */
export const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1) });
export type Polygon = z.infer<typeof PolygonSchema>;

export const ServiceCodeSchema = z.string().trim().regex(/^[A-Z0-9_-]{1,64}$/i, 'letters, digits, _ and -, at most 64');

export const CreateServiceSchema = z.object({
  code: ServiceCodeSchema,
  name: z.string().trim().min(1).max(200),
  sla: SlaSchema,
  hours: HoursSchema.optional(),
  blackoutDates: z.array(z.string().regex(DATE, 'must be a date as YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date')).max(1000).optional(),
  area: PolygonSchema.optional(),
  maxWeight: WeightSchema.optional(),
  maxPieces: z.number().int().positive().optional(),
});
export type CreateService = z.infer<typeof CreateServiceSchema>;
export const UpdateServiceSchema = CreateServiceSchema.partial();
export type UpdateService = z.infer<typeof UpdateServiceSchema>;

/** A service as stored and shared: what it promises, when and where (PRODUCT 2.1). */
export const ServiceSchema = CreateServiceSchema.extend({
  id: z.uuid(),
  courierId: z.uuid(),
  createdAt: UtcTimestampSchema,
  updatedAt: UtcTimestampSchema,
});
export type Service = z.infer<typeof ServiceSchema>;


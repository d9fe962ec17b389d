import type { ConnectionHealth, ConnectionSettings } from '@portal/contracts';

/** How long a connection that has delivered before may stay quiet before it shows SILENT. */
export const DEFAULT_SILENT_AFTER_HOURS = 48;

export const silentAfterHours = (settings: ConnectionSettings): number => settings.silentAfterHours ?? DEFAULT_SILENT_AFTER_HOURS;

/** NEW until a first verified delivery; then OK, or SILENT once nothing came for `silentAfterHours`. */
export function connectionHealth(lastDeliveryAt: Date | null, settings: ConnectionSettings, now: Date): ConnectionHealth {
  if (lastDeliveryAt === null) return 'NEW';
  return now.getTime() - lastDeliveryAt.getTime() > silentAfterHours(settings) * 3600_000 ? 'SILENT' : 'OK';
}

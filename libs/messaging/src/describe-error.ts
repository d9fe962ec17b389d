/**
 * What to log of an error without leaking what it carried: MikroORM inlines query parameters into
 * the SQL it puts at the head of a driver error's message (webhook bodies, signing secrets), so only
 * the part after the SQL is kept, with the driver's code and constraint.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const driver = error as Error & { code?: string; constraint?: string; sqlMessage?: string };
  const isDriverError = typeof driver.code === 'string' && / - /.test(error.message);
  const message = isDriverError ? error.message.slice(error.message.lastIndexOf(' - ') + 3) : error.message;
  const extra = [driver.code && `code ${driver.code}`, driver.constraint && `constraint ${driver.constraint}`].filter(Boolean).join(', ');
  return `${error.name}: ${message}${extra ? ` (${extra})` : ''}`;
}

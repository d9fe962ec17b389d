import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { conflict } from '@portal/service-kit';

/**
 * Runs a change that writes a service code and answers 409 when the courier already has that code.
 * The unique index decides, not a lookup first, so two racing requests cannot both take a code.
 */
export async function withUniqueServiceCode<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('Another of your services already has this code: codes are unique per courier.');
    throw error;
  }
}

import { isLosslessNumber, parse } from 'lossless-json';
import { readJsonText, type JsonRead } from './read-json-body';

/**
 * Parses a platform's JSON body with every number kept as a LosslessNumber (its exact text), so a
 * 64-bit id such as Shopify's 820982911946154508 never passes through a JavaScript number. Readers
 * turn ids into strings with `idText` and measures into numbers with `numberOf`.
 */
export const readLosslessJson = (body: Buffer): JsonRead => readJsonText(body.toString('utf8'), (text) => parse(text));

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);

export const recordOf = (value: unknown): Record<string, unknown> | undefined => (isRecord(value) ? value : undefined);

export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A trimmed, non-empty string (numbers keep their exact text); undefined otherwise. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : undefined;
  }
  if (isLosslessNumber(value)) return value.value;
  return undefined;
}

/** An id as its exact text: an integer of any size, or a non-empty string. */
export function idText(value: unknown): string | undefined {
  if (isLosslessNumber(value)) {
    const text = value.value;
    return /^-?\d+$/.test(text) ? text : undefined;
  }
  return typeof value === 'string' ? textOf(value) : undefined;
}

/** A finite number from a JSON number or a numeric string; undefined otherwise. */
export function numberOf(value: unknown): number | undefined {
  let n: number;
  if (isLosslessNumber(value)) n = Number(value.value);
  else if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) n = Number(value);
  else return undefined;
  return Number.isFinite(n) ? n : undefined;
}

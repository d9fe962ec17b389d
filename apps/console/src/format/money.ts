import type { Money } from '@portal/contracts/http';

/** How many minor units a currency's major unit has, as 10^digits (USD 2, JPY 0). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Integer minor units shown in the currency's own way (USD 1250 is $12.50, JPY 1250 is ¥1,250). */
export function formatMoney({ amount, currency }: Money): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 10 ** minorDigits(currency));
  } catch {
    return `${amount} ${currency} (minor units)`;
  }
}

/** A typed major-unit amount ("12.50") in minor units (1250); empty stays absent. */
export function toMinorUnits(value: string, currency: string): number | undefined {
  if (value.trim() === '') return undefined;
  return Math.round(Number(value) * 10 ** minorDigits(currency));
}

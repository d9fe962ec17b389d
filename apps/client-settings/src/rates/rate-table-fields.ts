import type { CreateRateTable } from '@portal/contracts';

/** A rate table as its record stores it: the name in a column, the rest as one validated definition. */
export const rateTableFields = ({ name, ...definition }: CreateRateTable) => ({ name, definition });

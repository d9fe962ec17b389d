import type { CreateService } from '@portal/contracts';

/** A service as its record stores it: code and name in columns, the rest as one validated definition. */
export const serviceFields = ({ code, name, ...definition }: CreateService) => ({ code, name, definition });

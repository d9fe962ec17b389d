import type { RateTable } from '@portal/contracts';
import type { RateTableRecord } from '../entities/rate-table.entity';

export const toRateTableView = (table: RateTableRecord): RateTable => ({
  id: table.id,
  courierId: table.courierId,
  name: table.name,
  ...table.definition,
  createdAt: table.createdAt.toISOString(),
  updatedAt: table.updatedAt.toISOString(),
});

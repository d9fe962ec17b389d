import type { Service } from '@portal/contracts';
import type { ServiceRecord } from '../entities/service.entity';

export const toServiceView = (service: ServiceRecord): Service => ({
  id: service.id,
  courierId: service.courierId,
  code: service.code,
  name: service.name,
  ...service.definition,
  createdAt: service.createdAt.toISOString(),
  updatedAt: service.updatedAt.toISOString(),
});

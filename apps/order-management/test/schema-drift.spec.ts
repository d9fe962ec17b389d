import { schemaDrift } from '@portal/service-kit/testing';
import { orderManagementService } from '../src/order-management.service';

describe('entities and committed migrations', () => {
  it('describe the same schema', async () => {
    // Otherwise this is the SQL that would make a migrated database match the entities: fix the
    // entity, or add a migration (registered in orm-options.ts; applied migrations never change).
    expect(await schemaDrift(orderManagementService)).toBe('');
  });
});

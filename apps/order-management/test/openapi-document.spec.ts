import { committedOpenApiStatus } from '@portal/service-kit/testing';
import { orderManagementService } from '../src/order-management.service';

describe('the committed OpenAPI document', () => {
  it('is the one /docs serves now', async () => {
    expect(await committedOpenApiStatus(orderManagementService, 'order-management')).toBe('up to date');
  });
});

import { committedOpenApiStatus } from '@portal/service-kit/testing';
import { gatewayService } from '../src/ingestion-gateway.service';

describe('the committed OpenAPI document', () => {
  it('is the one /docs serves now', async () => {
    expect(await committedOpenApiStatus(gatewayService, 'ingestion-gateway')).toBe('up to date');
  });
});

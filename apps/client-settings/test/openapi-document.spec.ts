import { committedOpenApiStatus } from '@portal/service-kit/testing';
import { clientSettingsService } from '../src/client-settings.service';

describe('the committed OpenAPI document', () => {
  it('is the one /docs serves now', async () => {
    expect(await committedOpenApiStatus(clientSettingsService, 'client-settings')).toBe('up to date');
  });
});

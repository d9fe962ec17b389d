import { committedOpenApiStatus } from '@portal/service-kit/testing';
import { quotingService } from '../src/quoting.service';

describe('the committed OpenAPI document', () => {
  it('is the one /docs serves now', async () => {
    expect(await committedOpenApiStatus(quotingService, 'quoting')).toBe('up to date');
  });
});

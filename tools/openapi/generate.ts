/**
 * Writes every app's OpenAPI document to docs/openapi/<app>.json, built exactly as its `/docs`
 * serves it (no server listening; a test database of its own, dropped afterwards).
 *
 *   npm run openapi
 *
 * Each app's `test/openapi-document.spec.ts` fails while its committed copy is stale.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { stableJson } from '@portal/service-kit';
import { buildOpenApiDocument, committedOpenApiPath } from '@portal/service-kit/testing';
import { clientSettingsService } from '../../apps/client-settings/src/client-settings.service';
import { gatewayService } from '../../apps/ingestion-gateway/src/ingestion-gateway.service';
import { orderManagementService } from '../../apps/order-management/src/order-management.service';
import { quotingService } from '../../apps/quoting/src/quoting.service';

const DOCUMENTS: Record<string, () => Promise<OpenAPIObject>> = {
  'ingestion-gateway': () => buildOpenApiDocument(gatewayService),
  'client-settings': () => buildOpenApiDocument(clientSettingsService),
  'order-management': () => buildOpenApiDocument(orderManagementService),
  quoting: () => buildOpenApiDocument(quotingService),
};

async function main(): Promise<void> {
  for (const [app, build] of Object.entries(DOCUMENTS)) {
    const path = committedOpenApiPath(app);
    writeFileSync(path, stableJson(await build()));
    console.log(`openapi: wrote ${relative(process.cwd(), path)}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

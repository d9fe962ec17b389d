import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { ErrorBodyDto } from './error-body.dto';
import { completeOperations } from './complete-operations';
import { operationId } from './operation-id';
import { routeFacts } from './route-facts';

export interface OpenApiInfo {
  title: string;
  description: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function refuseDuplicateOperationIds(document: OpenAPIObject): void {
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const id = item[method]?.operationId;
      if (!id) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const other = seen.get(id);
      if (other) throw new Error(`Operation id "${id}" names both ${other} and ${where}: give one an @ApiOperation({ operationId }).`);
      seen.set(id, where);
    }
  }
}

/**
 * The app's OpenAPI document, from its controllers and the zod schemas they declare: what `/docs`
 * serves and what `npm run openapi` writes to docs/openapi/. Needs the app created, not listening.
 */
export function createOpenApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(info.title).setDescription(info.description).setVersion('1').addBearerAuth().build(),
    { operationIdFactory: operationId, extraModels: [ErrorBodyDto] },
  );
  const document = completeOperations(cleanupOpenApiDoc(generated), routeFacts(app));
  refuseDuplicateOperationIds(document);
  return document;
}

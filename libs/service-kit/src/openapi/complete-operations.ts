import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { ERROR_BODY_REF } from './error-body.dto';
import { operationKey, type RouteFacts } from './route-facts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const DESCRIPTIONS = {
  400: 'The request is not valid (VALIDATION_FAILED, INVALID_CURSOR, ...): `details` lists each problem as { path, message }.',
  401: 'No valid credential: send `Authorization: Bearer <key>` (UNAUTHORIZED).',
  403: 'Only a courier key may do this; a client key gets FORBIDDEN.',
  404: "Not found, or outside the key's tenant (NOT_FOUND).",
  500: 'Our bug, logged (INTERNAL); an answer that does not match its own schema is one, and none of it is sent.',
  503: 'A dependency (database, Redis, quoting) did not answer in time; retry later (UNAVAILABLE and similar codes).',
} as const;

type Status = keyof typeof DESCRIPTIONS;

/** The errors every route of its kind answers: the rules are the guard's and the validation pipe's, so they are read, not restated. */
function sharedErrors(operation: OperationObject, path: string, route: RouteFacts): Status[] {
  const statuses: Status[] = [];
  const hasQuery = (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'query');
  if (operation.requestBody || hasQuery) statuses.push(400);
  if (route.needsApiKey || (operation.security ?? []).length > 0) statuses.push(401);
  if (route.courierOnly) statuses.push(403);
  if (path.includes('{')) statuses.push(404);
  statuses.push(500, 503);
  return statuses;
}

// Every id in a path is a uuid: one that is not cannot exist and answers 404 (resourceId).
function documentPathIds(operation: OperationObject): void {
  for (const parameter of operation.parameters ?? []) {
    if ('in' in parameter && parameter.in === 'path' && parameter.name.endsWith('Id')) parameter.schema = { type: 'string', format: 'uuid' };
  }
}

/**
 * Gives every operation its error answers, each with the contract's ErrorBody, and the bearer
 * security that ApiKeyGuard implies, and its path ids their uuid format. A route's own `@ApiErrorResponse` (409, 422, the webhook's
 * 401/413/415/429...) is kept as it is.
 */
export function completeOperations(document: OpenAPIObject, routes: Map<string, RouteFacts>): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = routes.get(operationKey(method, path));
      if (!route) throw new Error(`The OpenAPI document lists ${method.toUpperCase()} ${path}, but no controller route was found for it.`);
      documentPathIds(operation);
      if (route.needsApiKey && !operation.security) operation.security = [{ bearer: [] }];
      // @nestjs/swagger adds the default success answer only to routes that declare none.
      if (!Object.keys(operation.responses).some((status) => status.startsWith('2'))) operation.responses[route.successStatus] = { description: '' };
      for (const status of sharedErrors(operation, path, route)) {
        operation.responses[status] ??= { description: DESCRIPTIONS[status], content: { 'application/json': { schema: { $ref: ERROR_BODY_REF } } } };
      }
    }
  }
  return document;
}

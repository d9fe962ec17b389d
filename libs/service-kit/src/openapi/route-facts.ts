import { HttpStatus, RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { INestApplication, Type } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ApiKeyGuard, isCourierOnly, type MetadataTarget } from '../auth/api-key.guard';

/** What a route's decorators say about who may call it, read where the guard reads it. */
export interface RouteFacts {
  needsApiKey: boolean;
  courierOnly: boolean;
  /** What it answers when all goes well: `@HttpCode`, or Nest's default (201 for POST, else 200). */
  successStatus: number;
}

/** `get /v1/orders/{orderId}`: an operation as the OpenAPI document names it. */
export const operationKey = (method: string, path: string): string => `${method.toLowerCase()} ${path}`;

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

// `v1/orders` + `:orderId` -> `/v1/orders/{orderId}`, as @nestjs/swagger writes paths.
const documentPath = (controllerPath: string, methodPath: string): string =>
  `/${[controllerPath, methodPath].flatMap((part) => part.split('/')).filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');

const guardedByApiKey = (targets: MetadataTarget[]): boolean =>
  targets.some((target) => asList(Reflect.getMetadata(GUARDS_METADATA, target)).some((guard) => guard === ApiKeyGuard || guard instanceof ApiKeyGuard));

/** Every route of the app's controllers, keyed as the document keys its operations. */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown>;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, MetadataTarget>)[name];
        const methodPaths = asList(Reflect.getMetadata(PATH_METADATA, handler)) as string[];
        if (methodPaths.length === 0) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const route = {
          needsApiKey: guardedByApiKey([handler, controller]),
          courierOnly: isCourierOnly(reflector, handler, controller),
          successStatus: (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK),
        };
        for (const controllerPath of asList(Reflect.getMetadata(PATH_METADATA, controller)) as string[]) {
          for (const methodPath of methodPaths) facts.set(operationKey(method, documentPath(controllerPath, methodPath)), route);
        }
      }
    }
  }
  return facts;
}

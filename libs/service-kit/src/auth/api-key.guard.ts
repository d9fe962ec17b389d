import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../http/app-error';
import { hashApiKey } from './api-key-hash';
import { ApiKeyResolver } from './api-key-resolver';
import { ApiKeyUses } from './api-key-uses';
import { isCourier, type Principal } from './principal';

const COURIER_ONLY = 'portal:courier-only';
/** Marks a route that only a courier key may call: a client key gets 403. */
export const CourierOnly = (): MethodDecorator & ClassDecorator => SetMetadata(COURIER_ONLY, true);

/** A handler or a controller class, as Nest's metadata reads them. */
export type MetadataTarget = Parameters<Reflector['get']>[1];

/** Whether `@CourierOnly()` applies to a handler, on it or on its controller: the guard's rule, also read by the OpenAPI documents. */
export const isCourierOnly = (reflector: Reflector, handler: MetadataTarget, controller: MetadataTarget): boolean =>
  reflector.getAllAndOverride<boolean | undefined>(COURIER_ONLY, [handler, controller]) === true;

type AuthedRequest = FastifyRequest & { principal?: Principal };

export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly resolver: ApiKeyResolver,
    private readonly uses: ApiKeyUses,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const key = bearerToken(request.headers.authorization);
    if (!key) throw unauthorized('Send an API key as "Authorization: Bearer <key>".');
    const principal = await this.resolver.resolve(hashApiKey(key));
    if (!principal) throw unauthorized('The API key is not valid.');
    // A valid key was used, even if this route then refuses it (403): in memory, written out in batches.
    this.uses.note(principal.keyId, new Date());
    if (isCourierOnly(this.reflector, context.getHandler(), context.getClass()) && !isCourier(principal)) throw forbidden('Only the courier can do this; a client key cannot.');
    request.principal = principal;
    return true;
  }
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw unauthorized('Send an API key as "Authorization: Bearer <key>".');
  return principal;
});

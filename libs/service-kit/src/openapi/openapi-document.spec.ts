import { Body, Controller, Delete, Get, HttpCode, type INestApplication, Module, Param, Post, Query, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { ApiKeyResolver } from '../auth/api-key-resolver';
import { ApiKeyUses } from '../auth/api-key-uses';
import { ApiKeyGuard, CourierOnly } from '../auth/api-key.guard';
import { ApiErrorResponse } from './api-error-response.decorator';
import { createOpenApiDocument } from './openapi-document';
import { operationId } from './operation-id';
import { createZodDto } from './zod-dto';

class ThingDto extends createZodDto(z.object({ id: z.uuid(), note: z.string().nullable(), inner: z.object({ at: z.string().nullable() }) })) {}
class NewThingDto extends createZodDto(z.object({ note: z.string() })) {}
const THING_ID = '01a20e66-0000-7000-8000-000000000000';

class ListQueryDto extends createZodDto(z.object({ limit: z.coerce.number().int().optional() })) {}

@Controller('v1/things')
@UseGuards(ApiKeyGuard)
class ThingsController {
  @Get()
  @ZodResponse({ status: 200, type: ThingDto })
  list(@Query() query: ListQueryDto): ThingDto {
    return { id: THING_ID, note: `limit ${query.limit}`, inner: { at: null } };
  }

  @Post()
  @CourierOnly()
  @ZodResponse({ status: 201, type: ThingDto })
  create(@Body() body: NewThingDto): ThingDto {
    return { id: THING_ID, note: body.note, inner: { at: null } };
  }

  @Delete(':thingId')
  @HttpCode(204)
  @ApiErrorResponse(409, 'Still in use.')
  remove(@Param('thingId') thingId: string): string {
    return thingId;
  }
}

@Controller('v1/open')
class OpenController {
  @Get()
  read(): string {
    return 'open';
  }
}

@Module({
  controllers: [ThingsController, OpenController],
  providers: [
    { provide: ApiKeyResolver, useValue: { resolve: async () => null } },
    { provide: ApiKeyUses, useValue: { note: () => undefined } },
  ],
})
class ThingsModule {}

const ERROR_BODY = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };

describe('createOpenApiDocument', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create(ThingsModule, new FastifyAdapter(), { logger: false });
    document = createOpenApiDocument(app, { title: 'things', description: 'a test app' });
  });

  afterAll(() => app?.close());

  const statuses = (path: string, method: 'get' | 'post' | 'delete') => Object.keys(document.paths[path][method]?.responses ?? {}).sort();

  it('gives each operation the errors its guard, its input and its path imply, with the ErrorBody schema', () => {
    expect(statuses('/v1/things', 'get')).toEqual(['200', '400', '401', '500', '503']);
    expect(statuses('/v1/things', 'post')).toEqual(['201', '400', '401', '403', '500', '503']);
    expect(statuses('/v1/things/{thingId}', 'delete')).toEqual(['204', '401', '404', '409', '500', '503']);
    expect(statuses('/v1/open', 'get')).toEqual(['200', '500', '503']);
    expect(document.paths['/v1/things/{thingId}'].delete?.responses['409']).toMatchObject({ description: 'Still in use.', ...ERROR_BODY });
    expect(document.paths['/v1/things'].post?.responses['403']).toMatchObject(ERROR_BODY);
    expect(document.components?.schemas?.['ErrorBody']).toMatchObject({ type: 'object', required: ['error'] });
  });

  it('marks guarded routes as needing a bearer key, and path ids as uuids', () => {
    expect(document.paths['/v1/things'].get?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/v1/open'].get?.security).toBeUndefined();
    expect(document.paths['/v1/things/{thingId}'].delete?.parameters).toEqual([expect.objectContaining({ name: 'thingId', in: 'path', schema: { type: 'string', format: 'uuid' } })]);
  });

  it('documents nullable fields as nullable, not as arrays (nestjs-zod#473)', () => {
    const thing = document.components?.schemas?.['ThingDto_Output'] as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(thing.properties['note']).toEqual({ type: 'string', nullable: true });
    expect(thing.properties['inner'].properties?.['at']).toEqual({ type: 'string', nullable: true });
    expect(thing.properties['id']).toMatchObject({ type: 'string', format: 'uuid' });
  });

  it('names operations shortly and uniquely', () => {
    expect([document.paths['/v1/things'].get?.operationId, document.paths['/v1/things'].post?.operationId, document.paths['/v1/things/{thingId}'].delete?.operationId]).toEqual([
      'listThings',
      'createThing',
      'deleteThing',
    ]);
  });
});

describe('operationId', () => {
  it.each([
    ['OrdersController', 'list', 'listOrders'],
    ['OrdersController', 'get', 'getOrder'],
    ['DraftsController', 'finalize', 'finalizeDraft'],
    ['RateTablesController', 'remove', 'deleteRateTable'],
    ['HooksController', 'receiveHook', 'receiveHook'],
    ['QuotesController', 'quote', 'quote'],
  ])('%s.%s is %s', (controller, method, id) => {
    expect(operationId(controller, method)).toBe(id);
  });
});

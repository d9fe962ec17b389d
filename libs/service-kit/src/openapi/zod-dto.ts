import { createZodDto as createNestZodDto, type ZodDto } from 'nestjs-zod';

type Schema = Parameters<typeof createNestZodDto>[0];

/**
 * zod >= 4.5 writes a bare nullable (`z.string().nullable()`) as `type: ["string", "null"]`.
 * nestjs-zod 5.5.0 passes that on: @nestjs/swagger reads a top-level property with an array `type`
 * as an array of the first type, and nested ones stay invalid in an OpenAPI 3.0 document
 * (BenLorantfy/nestjs-zod#473). This says it as OpenAPI 3.0 does: `type: "string", nullable: true`.
 */
function nullableAsOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsOpenApi30);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, nullableAsOpenApi30(value)] as const);
  const fixed: Record<string, unknown> = Object.fromEntries(entries);
  const types = fixed['type'];
  if (Array.isArray(types) && types.includes('null')) {
    const others = types.filter((t) => t !== 'null');
    if (others.length === 1) return { ...fixed, type: others[0], nullable: true };
  }
  return fixed;
}

/** Makes a freshly created DTO class's OpenAPI metadata say nullables as OpenAPI 3.0 does. */
function documentNullablesAsOpenApi30(dto: ZodDto): void {
  const metadata = dto._OPENAPI_METADATA_FACTORY;
  // `this` is the app's DTO class (`class OrderDto extends createZodDto(...)`), as nestjs-zod expects.
  dto._OPENAPI_METADATA_FACTORY = function (this: ZodDto) {
    return nullableAsOpenApi30(metadata.call(this));
  };
}

/**
 * nestjs-zod's `createZodDto`, with nullable fields documented correctly: use this one for every
 * DTO. Validation (`ZodValidationPipe`) and response checks (`@ZodResponse`) are nestjs-zod's own.
 */
export function createZodDto<S extends Schema>(schema: S): ZodDto<S, false> {
  const dto = createNestZodDto(schema);
  documentNullablesAsOpenApi30(dto);
  // nestjs-zod builds the output model (`OrderDto_Output`, what `@ZodResponse` documents) on each read.
  const output = Object.getOwnPropertyDescriptor(dto, 'Output')?.get;
  Object.defineProperty(dto, 'Output', {
    get(this: ZodDto) {
      const model = output?.call(this) as ZodDto;
      documentNullablesAsOpenApi30(model);
      return model;
    },
  });
  return dto;
}

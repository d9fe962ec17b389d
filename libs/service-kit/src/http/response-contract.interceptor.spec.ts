import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ZodResponse } from 'nestjs-zod';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { createZodDto } from '../openapi/zod-dto';
import { bootstrapHttpApp } from './bootstrap-http-app';

class AnswerDto extends createZodDto(z.object({ id: z.uuid(), name: z.string() })) {}

const SECRET = 'whsec_never-in-an-answer-or-a-log';

@Controller('answers')
class AnswersController {
  @Get('drifted')
  @ZodResponse({ status: 200, type: AnswerDto })
  drifted(): AnswerDto {
    // The bug this catches: a view that no longer matches the schema it is documented with.
    return { id: SECRET, name: 'Shop' };
  }

  @Get('matching')
  @ZodResponse({ status: 200, type: AnswerDto })
  matching(): AnswerDto {
    return { id: '01a20e66-0000-7000-8000-000000000000', name: 'Shop', signingSecret: SECRET } as AnswerDto;
  }
}

// The real bootstrap, so the interceptor, the error filter and the logger are the apps' own.
describe('answers checked against their declared schema', () => {
  const logLines: string[] = [];
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));

  @Module({ imports: [LoggerModule.forRoot({ pinoHttp: [{ level: 'info' }, logs] })], controllers: [AnswersController] })
  class AnswersModule {}

  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await bootstrapHttpApp(AnswersModule, { title: 'answers', description: 'a test app', port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });

  afterAll(() => app?.close());

  it('answers a drifted body with 500 INTERNAL and the error body only, and logs the mismatch without its value', async () => {
    const res = await fetch(`${base}/answers/drifted`);
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.', details: [] } });
    expect(text).not.toContain(SECRET);

    const logged = logLines.map((line) => JSON.parse(line) as { level: number; msg?: string }).find((line) => line.msg?.includes('ResponseContractViolation'));
    expect(logged?.level).toBe(50);
    expect(logged?.msg).toContain('GET /answers/drifted (AnswersController.drifted) answered a body that does not match its declared schema: id: Invalid UUID');
    expect(logLines.join('\n')).not.toContain(SECRET);
  });

  it('sends a matching body as the schema reads it: keys the contract does not name never leave', async () => {
    const res = await fetch(`${base}/answers/matching`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '01a20e66-0000-7000-8000-000000000000', name: 'Shop' });
  });
});

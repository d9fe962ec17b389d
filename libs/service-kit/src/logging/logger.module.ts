import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * Structured JSON logs (pino), one line per request, with a request id echoed back to the caller.
 * A handler adds what the request did to that line with `PinoLogger.assign` (assignResponse).
 */
@Module({})
export class AppLoggerModule {
  static forRoot(service: string, level: string): DynamicModule {
    return {
      module: AppLoggerModule,
      imports: [
        LoggerModule.forRoot({
          assignResponse: true,
          pinoHttp: {
            level,
            base: { service },
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && incoming.length <= 100 ? incoming : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
            // A line per request stays cheap on the webhook hot path: no header dumps.
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            redact: ['req.headers.authorization', 'req.headers["x-signature"]', 'req.headers["x-shopify-hmac-sha256"]', 'req.headers["x-wc-webhook-signature"]'],
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

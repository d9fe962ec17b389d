import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { destination, type DestinationStream } from 'pino';
import type { BaseConfig } from '../config/base-config';

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);
// A quiet app's last lines still show within this long; pino flushes what is left when the process exits.
const LOG_FLUSH_MS = 250;
const outputs = new Map<number, DestinationStream>();

/** Standard output, buffered up to `minLength` bytes: one stream per process, however many apps it hosts (tests host several). */
function standardOutput(minLength: number): DestinationStream {
  let output = outputs.get(minLength);
  if (!output) {
    output = destination({ dest: process.stdout.fd, sync: false, minLength, periodicFlush: minLength > 0 ? LOG_FLUSH_MS : 0 });
    outputs.set(minLength, output);
  }
  return output;
}

/**
 * Structured JSON logs (pino), one line per request, with a request id echoed back to the caller.
 * A handler adds what the request did to that line with `PinoLogger.assign` (assignResponse).
 */
@Module({})
export class AppLoggerModule {
  static forRoot(service: string, config: Pick<BaseConfig, 'LOG_LEVEL' | 'LOG_BUFFER_BYTES'>): DynamicModule {
    return {
      module: AppLoggerModule,
      imports: [
        LoggerModule.forRoot({
          assignResponse: true,
          pinoHttp: [
            {
              level: config.LOG_LEVEL,
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
            standardOutput(config.LOG_BUFFER_BYTES),
          ],
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

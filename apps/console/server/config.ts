import { join } from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/**
 * The console server's environment. Each service is reached at its *_URL when set (compose: by
 * container name), otherwise on loopback at the port every other app reads from the same variables.
 */
const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  CONSOLE_PORT: port(3004),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONSOLE_STATIC_DIR: z.string().min(1).default(join(process.cwd(), 'dist', 'apps', 'console')),
  INGESTION_GATEWAY_PORT: port(3000),
  CLIENT_SETTINGS_PORT: port(3001),
  ORDER_MANAGEMENT_PORT: port(3002),
  QUOTING_PORT: port(3003),
  INGESTION_GATEWAY_URL: z.url().optional(),
  CLIENT_SETTINGS_URL: z.url().optional(),
  ORDER_MANAGEMENT_URL: z.url().optional(),
  QUOTING_URL: z.url().optional(),
});

export interface ConsoleConfig {
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  staticDir: string;
  upstreams: { ingestionGateway: string; clientSettings: string; orderManagement: string; quoting: string };
}

export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const local = (p: number) => `http://127.0.0.1:${p}`;
  return {
    host: e.HOST,
    port: e.CONSOLE_PORT,
    logLevel: e.LOG_LEVEL,
    staticDir: e.CONSOLE_STATIC_DIR,
    upstreams: {
      ingestionGateway: e.INGESTION_GATEWAY_URL ?? local(e.INGESTION_GATEWAY_PORT),
      clientSettings: e.CLIENT_SETTINGS_URL ?? local(e.CLIENT_SETTINGS_PORT),
      orderManagement: e.ORDER_MANAGEMENT_URL ?? local(e.ORDER_MANAGEMENT_PORT),
      quoting: e.QUOTING_URL ?? local(e.QUOTING_PORT),
    },
  };
}

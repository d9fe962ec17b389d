import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createTestDatabase } from '@portal/service-kit/testing';
import { startConsole, type RunningConsole } from './console-server';
import { forgetQueuePrefix } from './forget-queue-prefix';

/**
 * Starts the four apps as real processes against the machine's PostgreSQL and Redis, each run with
 * its own database and queue prefix so runs never collide. Used by the system tests and the benchmark.
 */
export const APPS = ['client-settings', 'ingestion-gateway', 'order-management', 'quoting'] as const;
export type AppName = (typeof APPS)[number];

const ROOT = join(__dirname, '..', '..', '..');
const PORT_ENV: Record<AppName, string> = {
  'ingestion-gateway': 'INGESTION_GATEWAY_PORT',
  'client-settings': 'CLIENT_SETTINGS_PORT',
  'order-management': 'ORDER_MANAGEMENT_PORT',
  quoting: 'QUOTING_PORT',
};

export interface SystemOptions {
  /** Extra environment for every app (for example ORDER_EVENT_SUBSCRIBERS). */
  env?: Record<string, string>;
  /** Where app logs go: 'inherit' shows them, 'ignore' drops them (default: a file per app in tmp/). */
  logs?: 'inherit' | 'ignore' | 'file';
  /** Seed nodes of a Redis Cluster to run on instead of REDIS_URL's server; the prefix is then {portal}. */
  redisClusterNodes?: string[];
  /** Processes per app (default 1), each on a port of its own, sharing the database and Redis. */
  replicas?: number;
  /** Run the production build (dist/apps/<app>/main.js, built first if needed) instead of the TypeScript sources. */
  compiled?: boolean;
  /** Also build the console and serve it in front of the apps (its URL is `consoleUrl`). */
  console?: boolean;
}

export interface RunningSystem {
  /** The first replica of each app. */
  urls: Record<AppName, string>;
  /** Every replica of each app. */
  replicaUrls: Record<AppName, string[]>;
  databaseUrl: string;
  redisUrl: string;
  /** Empty unless the system runs on a Redis Cluster. */
  redisClusterNodes: string[];
  queuePrefix: string;
  operatorToken: string;
  env: Record<string, string>;
  /** The console's server, when asked for with `console: true`. */
  consoleUrl: string | null;
  /** The file an app replica logs to, when logs go to files (the default). */
  logFile(app: AppName, replica?: number): string | null;
  start(app: AppName, replica?: number): Promise<void>;
  /** Sends the signal and waits for the exit: code 0 after SIGTERM means a clean shutdown. */
  kill(app: AppName, signal?: NodeJS.Signals, replica?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | null>;
  stop(): Promise<void>;
}

const HEAP_CEILING = '--max-old-space-size=160';

/** A free TCP port on loopback, so parallel runs do not fight over 3000-3003. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url}/ready did not answer 200 within ${timeoutMs} ms`);
}

/** The production build of every app (Nx caches it: unchanged sources build nothing). */
async function buildApps(): Promise<void> {
  const { execFile } = await import('node:child_process');
  await new Promise<void>((resolve, reject) =>
    execFile('npm', ['run', '--silent', 'build'], { cwd: ROOT }, (error, _stdout, stderr) => (error ? reject(new Error(`npm run build failed: ${stderr}`)) : resolve())),
  );
}

export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = await createTestDatabase('system');
  const databaseUrl = database.url;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisClusterNodes = options.redisClusterNodes ?? [];
  // On a cluster every queue key must share a slot: the prefix is a hash tag (the cluster is the run's own).
  const queuePrefix = redisClusterNodes.length > 0 ? '{portal}' : `test-${runId}`;
  const operatorToken = `op-${runId}`;
  const replicas = Math.max(1, options.replicas ?? 1);
  const ports = Object.fromEntries(
    await Promise.all(APPS.map(async (a) => [a, await Promise.all(Array.from({ length: replicas }, () => freePort()))] as const)),
  ) as Record<AppName, number[]>;
  const replicaUrls = Object.fromEntries(APPS.map((a) => [a, ports[a].map((p) => `http://127.0.0.1:${p}`)])) as Record<AppName, string[]>;
  const urls = Object.fromEntries(APPS.map((a) => [a, replicaUrls[a][0]])) as Record<AppName, string>;
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    ...(redisClusterNodes.length > 0 ? { REDIS_CLUSTER_NODES: redisClusterNodes.join(',') } : {}),
    QUEUE_PREFIX: queuePrefix,
    OPERATOR_TOKEN: operatorToken,
    PUBLIC_BASE_URL: urls['ingestion-gateway'],
    LOG_LEVEL: 'info',
    ...Object.fromEntries(APPS.map((a) => [PORT_ENV[a], String(ports[a][0])])),
    ...options.env,
  };
  const children = new Map<string, ChildProcess>();
  const logMode = options.logs ?? 'file';
  if (options.compiled) await buildApps();
  const entry = (app: AppName): string[] =>
    // Compiled, as `npm start` and the image run them (tools/dev/start-all.js, Dockerfile).
    options.compiled ? ['--enable-source-maps', join(ROOT, 'dist', 'apps', app, 'main.js')] : ['-r', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')];

  const replicaName = (app: AppName, replica: number): string => (replica === 0 ? app : `${app}-${replica + 1}`);
  const logFile = (app: AppName, replica = 0): string | null => (logMode === 'file' ? join(ROOT, 'tmp', 'logs', `${runId}-${replicaName(app, replica)}.log`) : null);

  const start = async (app: AppName, replica = 0): Promise<void> => {
    const { openSync, mkdirSync } = await import('node:fs');
    const name = replicaName(app, replica);
    let stdio: 'inherit' | 'ignore' | ['ignore', number, number] = logMode === 'file' ? 'ignore' : logMode;
    const file = logFile(app, replica);
    if (file) {
      mkdirSync(join(ROOT, 'tmp', 'logs'), { recursive: true });
      const fd = openSync(file, 'a');
      stdio = ['ignore', fd, fd];
    }
    const merged: NodeJS.ProcessEnv = { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), NODE_ENV: 'test', ...env, [PORT_ENV[app]]: String(ports[app][replica]) };
    const child = spawn(process.execPath, entry(app), {
      cwd: ROOT,
      // The heap ceiling the apps run with under `npm start` and in the image (tools/dev/start-all.js).
      env: { ...merged, NODE_OPTIONS: [HEAP_CEILING, merged.NODE_OPTIONS].filter(Boolean).join(' ') },
      stdio,
    });
    children.set(name, child);
    await waitReady(replicaUrls[app][replica], child, 60_000);
  };

  const kill = async (app: AppName, signal: NodeJS.Signals = 'SIGTERM', replica = 0) => {
    const child = children.get(replicaName(app, replica));
    if (!child || child.exitCode !== null || child.signalCode !== null) return null;
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    child.kill(signal);
    const [code, killedBy] = await exited;
    return { code, signal: killedBy };
  };

  const everyReplica = (apps: readonly AppName[]): [AppName, number][] => apps.flatMap((a) => ports[a].map((_, i) => [a, i] as [AppName, number]));
  let consoleServer: RunningConsole | null = null;
  const stop = async (): Promise<void> => {
    await consoleServer?.stop();
    await Promise.all(everyReplica(APPS).map(([a, i]) => kill(a, 'SIGTERM', i)));
    await database.drop().catch(() => undefined);
    // A cluster is the run's own and goes with it; on a shared server only this run's keys go.
    if (redisClusterNodes.length === 0) await forgetQueuePrefix(redisUrl, queuePrefix).catch(() => undefined);
  };

  try {
    // Client settings first: the others consume what it publishes, and all four migrate at start.
    await start('client-settings');
    await Promise.all(everyReplica(APPS).filter(([a, i]) => a !== 'client-settings' || i > 0).map(([a, i]) => start(a, i)));
    if (options.console) {
      consoleServer = await startConsole({
        port: await freePort(),
        upstreams: {
          CLIENT_SETTINGS_URL: urls['client-settings'],
          ORDER_MANAGEMENT_URL: urls['order-management'],
          INGESTION_GATEWAY_URL: urls['ingestion-gateway'],
          QUOTING_URL: urls.quoting,
        },
        logFile: logMode === 'file' ? join(ROOT, 'tmp', 'logs', `${runId}-console.log`) : undefined,
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, replicaUrls, databaseUrl, redisUrl, redisClusterNodes, queuePrefix, operatorToken, env, consoleUrl: consoleServer?.url ?? null, logFile, start, kill, stop };
}

// Runs the four apps as one foreground process: prefixed output, a summary once all are ready,
// and a clean stop of all on Ctrl+C or when any one of them dies.
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const env = { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') };
const port = (name, fallback) => Number(env[name] ?? fallback);
const host = env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1';
const APPS = [
  { name: 'client-settings', port: port('CLIENT_SETTINGS_PORT', 3001) },
  { name: 'ingestion-gateway', port: port('INGESTION_GATEWAY_PORT', 3000) },
  { name: 'order-management', port: port('ORDER_MANAGEMENT_PORT', 3002) },
  { name: 'quoting', port: port('QUOTING_PORT', 3003) },
];
const children = new Map();
let stopping = false;

function start(app) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', app.name, 'src', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const label = `[${app.name}]`.padEnd(20);
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop();
      for (const line of lines) process.stdout.write(`${label} ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(app.name);
    if (!stopping) {
      console.error(`start: ${app.name} exited (${signal ?? code}); stopping the others`);
      stop(1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  children.set(app.name, child);
}

async function ready(app, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!children.has(app.name)) throw new Error(`${app.name} exited before it was ready`);
    try {
      if ((await fetch(`http://${host}:${app.port}/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${app.name} was not ready within ${timeoutMs / 1000} s`);
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
  // A worker finishing its in-flight jobs gets a while; after that, stop waiting.
  setTimeout(() => process.exit(code), 20_000).unref();
}

async function main() {
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  // Client settings first: the others consume what it publishes. Each app migrates its own schema.
  start(APPS[0]);
  await ready(APPS[0]);
  APPS.slice(1).forEach(start);
  await Promise.all(APPS.slice(1).map((app) => ready(app)));
  const url = (app) => `http://${host}:${app.port}`;
  const lines = [
    'All four apps are up.',
    '',
    ...APPS.map((app) => `${app.name.padEnd(18)} ${url(app).padEnd(24)} docs: ${url(app)}/docs`),
    '',
    `webhooks:          ${env.PUBLIC_BASE_URL ?? `http://localhost:${APPS[1].port}`}/v1/hooks/{connectionId}`,
    `queue dashboard:   ${url(APPS[2])}/queues  (any user, password = operator token)`,
    `operator token:    ${env.OPERATOR_TOKEN}`,
    '',
    'Send a first order:  npm run send-event -- --setup   then   npm run send-event',
    'Stop with Ctrl+C.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  console.log(`\n+${'-'.repeat(width + 2)}+\n${lines.map((l) => `| ${l.padEnd(width)} |`).join('\n')}\n+${'-'.repeat(width + 2)}+\n`);
}

main().catch((error) => {
  console.error(`start: ${error.message}`);
  stop(1);
});

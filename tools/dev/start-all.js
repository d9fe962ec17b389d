// Runs the four apps as one foreground process (`npm start`): output lines prefixed with the app's
// name, client-settings first, then the console in front of them, a summary box once all answer
// /ready, and a graceful stop of all on Ctrl+C or SIGTERM. If any app dies, the others are stopped
// and this exits non-zero. Everything runs from its production build (dist/, made by `npm run build` in
// tools/start.sh), as it runs in the image: no transpiling at start, and what is measured is what ships.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..', '..');
// Each app's V8 heap is capped (README, Configuration: NODE_OPTIONS): left alone, V8 grows the heap
// lazily under load to 300 MB of RSS and more, though what is live stays far below the cap. A
// NODE_OPTIONS of the caller's own comes after, so its --max-old-space-size wins.
const HEAP_CEILING = '--max-old-space-size=160';
const env = { NODE_ENV: 'production', ...process.env, NODE_OPTIONS: [HEAP_CEILING, process.env.NODE_OPTIONS].filter(Boolean).join(' ') };
const port = (name, fallback) => Number(env[name] || fallback);
// Apps listening on every interface are still reached through loopback from here.
const host = env.HOST && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? env.HOST : '127.0.0.1';
const APPS = [
  { name: 'client-settings', port: port('CLIENT_SETTINGS_PORT', 3001) },
  { name: 'ingestion-gateway', port: port('INGESTION_GATEWAY_PORT', 3000) },
  { name: 'order-management', port: port('ORDER_MANAGEMENT_PORT', 3002) },
  { name: 'quoting', port: port('QUOTING_PORT', 3003) },
];
// The console's server (apps/console/server): the build tools/start.sh made, and the APIs on its origin.
const CONSOLE = { name: 'console', port: port('CONSOLE_PORT', 3004), main: join(ROOT, 'dist', 'apps', 'console-server', 'main.js') };
const READY_TIMEOUT_MS = 120_000;
// A worker finishing its in-flight jobs gets this long after SIGTERM before it is killed.
const STOP_GRACE_MS = 20_000;
const COLORS = [36, 35, 33, 32, 34];
const color = (i, text) => (process.stdout.isTTY ? `\x1b[${COLORS[i]}m${text}\x1b[0m` : text);

const children = new Map();
let stopping = false;
let exitCode = 0;
const log = (message) => console.log(`start: ${message}`);
const url = (app) => `http://${host}:${app.port}`;
const mainFile = (app) => app.main ?? join(ROOT, 'dist', 'apps', app.name, 'main.js');

function start(app, index) {
  const child = spawn(process.execPath, ['--enable-source-maps', mainFile(app)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl+C then reaches only this supervisor, which sends one SIGTERM. An app
    // that got the terminal's SIGINT as well would take the second signal as "exit now" and skip its drain.
    detached: true,
  });
  const label = color(index, `[${app.name}]`.padEnd(20));
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop();
      for (const line of lines) process.stdout.write(`${label} ${line}\n`);
    });
    stream.on('end', () => rest && process.stdout.write(`${label} ${rest}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(app.name);
    if (!stopping) {
      console.error(`start: ${app.name} exited (${signal ?? `code ${code}`}); stopping the others`);
      stop(1);
      return;
    }
    log(`${app.name} stopped (${signal ?? `code ${code}`})`);
    if (children.size === 0) process.exit(exitCode);
  });
  children.set(app.name, child);
}

async function waitReady(app) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!children.has(app.name)) throw new Error(`${app.name} exited before it was ready`);
    try {
      if ((await fetch(`${url(app)}/ready`, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${app.name} did not answer 200 on ${url(app)}/ready within ${READY_TIMEOUT_MS / 1000} s`);
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (children.size === 0) process.exit(code);
  log(`stopping ${[...children.keys()].join(', ')} ...`);
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => {
    console.error(`start: ${[...children.keys()].join(', ')} still running after ${STOP_GRACE_MS / 1000} s; killing`);
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(code || 1);
  }, STOP_GRACE_MS).unref();
}

function box(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = `+${'-'.repeat(width + 2)}+`;
  return [bar, ...lines.map((l) => `| ${l.padEnd(width)} |`), bar].join('\n');
}

async function main() {
  const missing = [...APPS, CONSOLE].filter((app) => !existsSync(mainFile(app)));
  if (missing.length > 0) {
    console.error(`start: missing ${missing.map((app) => relative(ROOT, mainFile(app))).join(', ')} (run \`npm run build\`); nothing started`);
    process.exit(1);
  }
  // A closed terminal must not leave the apps running behind a dead supervisor.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  // The apps are in process groups of their own, so every stop goes through here.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (stopping) {
        // A second Ctrl+C: stop waiting.
        for (const child of children.values()) child.kill('SIGKILL');
        process.exit(exitCode || 130);
      }
      stop(0);
    });
  }
  // Client settings first: it migrates its schema and publishes the settings the others consume.
  log(`starting client-settings on ${url(APPS[0])} ...`);
  start(APPS[0], 0);
  await waitReady(APPS[0]);
  log('client-settings is ready; starting ingestion-gateway, order-management and quoting ...');
  APPS.slice(1).forEach((app, i) => start(app, i + 1));
  await Promise.all(APPS.slice(1).map(waitReady));
  start(CONSOLE, APPS.length);
  await waitReady(CONSOLE);
  if (stopping) return;
  console.log(
    `\n${box([
      'All four apps and the console are ready.',
      '',
      `Console            ${url(CONSOLE)}/  (sign in with a courier's API key)`,
      '',
      ...APPS.map((app) => `${app.name.padEnd(18)} ${url(app).padEnd(23)} API docs: ${url(app)}/docs`),
      '',
      `Queue dashboard    ${url(APPS[2])}/queues  (any user; password: operator token)`,
      `Operator token     ${env.OPERATOR_TOKEN ?? 'local-operator-token'}`,
      `Webhooks           ${env.PUBLIC_BASE_URL ?? `http://localhost:${APPS[1].port}`}/v1/hooks/{connectionId}`,
      '',
      'Send a first event: npm run send-event -- --help',
      '  (npm run send-event -- --setup, then npm run send-event)',
      'Stop them all with Ctrl+C.',
    ])}\n`,
  );
}

main().catch((error) => {
  console.error(`start: ${error.message}`);
  stop(1);
});

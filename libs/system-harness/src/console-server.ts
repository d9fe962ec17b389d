import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface RunningConsole {
  url: string;
  stop(): Promise<void>;
}

/** The console's production build (Nx caches it: unchanged sources build nothing). */
async function buildConsole(): Promise<void> {
  const { execFile } = await import('node:child_process');
  await new Promise<void>((resolve, reject) =>
    execFile(
      'npx',
      ['nx', 'build', 'console', '--outputStyle=static'],
      { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
      (error, stdout, stderr) => (error ? reject(new Error(`nx build console failed: ${stdout}\n${stderr}`)) : resolve()),
    ),
  );
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console server exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url}/ready did not answer 200 within ${timeoutMs} ms`);
}

/** Builds the console and starts its server in front of the given services, on `port`. */
export async function startConsole(options: { port: number; upstreams: Record<string, string>; logFile?: string }): Promise<RunningConsole> {
  await buildConsole();
  let stdio: 'ignore' | ['ignore', number, number] = 'ignore';
  if (options.logFile) {
    mkdirSync(join(ROOT, 'tmp', 'logs'), { recursive: true });
    const fd = openSync(options.logFile, 'a');
    stdio = ['ignore', fd, fd];
  }
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', 'console', 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), CONSOLE_PORT: String(options.port), HOST: '127.0.0.1', ...options.upstreams },
    stdio,
  });
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitReady(url, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/**
 * Load benchmark of the integration intake path, side by side with the framework-free floor:
 *   signed generic webhook -> gateway (answer) -> order management [-> quoting] -> order.created on BullMQ.
 *
 *   npm run bench -- --help
 *
 * Starts its own system (own database and queue prefix, compiled apps, see libs/system-harness),
 * creates its own tenant, sends signed events open-loop, listens as an internal subscriber, and
 * prints latencies, losses, CPU per order per process and memory; `--floor` runs
 * ../shared/bench-floor in the same sitting and prints the ratios; `--find-max` searches the
 * highest rate each holds.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSystem, type RunningSystem } from '@portal/system-harness';
import { sleep } from '../send-event/http';
import { setupTenant } from '../send-event/setup-tenant';
import { floorAvailable, runFloor, type FloorResult } from './floor-trial';
import { OrderEventLog, subscribe } from './order-event-log';
import { comparison, floorHeld, floorReport, sameRateComparisons, trialReport } from './report';
import { SCENARIOS, type BenchScenario } from './scenarios';
import { Sender } from './sender';
import { held, runTrial, type TrialResult } from './trial';

const SUBSCRIBER = 'bench';

interface Options {
  scenario: BenchScenario;
  rate: number;
  duration: number;
  connections: number;
  warmup: number;
  drain: number;
  replicas: number;
  floor: boolean;
  findMax: { from: number; step: number; to: number } | null;
  cpuProf: boolean;
  source: boolean;
}

const USAGE = `Usage: npm run bench -- [options]
  --scenario S    ${Object.values(SCENARIOS).map((s) => `${s.name} (${s.description})`).join(' | ')}   [plain]
  --rate N        events per second, sent open-loop (not waiting for answers)                          [300]
  --duration S    seconds of measured sending per trial                                                [60]
  --floor         also run ../shared/bench-floor at the same rate(s) in this sitting and print ratios
  --find-max      search the highest rate held (webhook->order.created p99 <= 250 ms, answer p99 <= 25 ms,
                  nothing lost): trials from --from by --step up to --to, a failing rate tried twice
  --from N --step N --to N                                                                             [50, 50, 1000]
  --replicas N    processes per app (the bench spreads requests over the gateway replicas)            [1]
  --connections N keep-alive sockets to the gateway                                                   [50]
  --warmup S      seconds of unmeasured load before the first trial (JIT, pools)                      [5]
  --drain S       seconds to wait after sending for the remaining order.created events                [30]
  --source        run the apps from TypeScript (@swc-node/register) instead of the production build
  --cpu-prof      write a V8 CPU profile per app to tmp/profiles/<run>/ (open in Chrome DevTools)`;

function parseOptions(): Options | null {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'plain' },
      rate: { type: 'string', default: '300' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '5' },
      drain: { type: 'string', default: '30' },
      replicas: { type: 'string', default: '1' },
      floor: { type: 'boolean', default: false },
      'find-max': { type: 'boolean', default: false },
      from: { type: 'string', default: '50' },
      step: { type: 'string', default: '50' },
      to: { type: 'string', default: '1000' },
      source: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const num = (name: keyof typeof values, min: number, max: number): number => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number in [${min}, ${max}], got ${String(values[name])}`);
    return n;
  };
  const scenario = SCENARIOS[values.scenario];
  if (!scenario) throw new Error(`--scenario must be one of ${Object.keys(SCENARIOS).join(', ')}`);
  if (values.floor && !floorAvailable()) throw new Error('--floor needs ../shared/bench-floor/floor.js next to this repository');
  return {
    scenario,
    rate: num('rate', 1, 20_000),
    duration: num('duration', 1, 3600),
    connections: Math.floor(num('connections', 1, 10_000)),
    warmup: num('warmup', 0, 300),
    drain: num('drain', 1, 600),
    replicas: Math.floor(num('replicas', 1, 8)),
    floor: values.floor,
    findMax: values['find-max'] ? { from: num('from', 1, 20_000), step: num('step', 1, 20_000), to: num('to', 1, 20_000) } : null,
    cpuProf: values['cpu-prof'],
    source: values.source,
  };
}

/** The rates a search tries, in order. */
const ladder = (f: { from: number; step: number; to: number }): number[] => {
  const rates: number[] = [];
  for (let r = f.from; r <= f.to; r += f.step) rates.push(r);
  return rates;
};

/** Tries rates in turn (a failing rate twice, the machine is noisy) and answers the highest held, with every trial. */
async function search<R>(rates: number[], trial: (rate: number) => Promise<R>, ok: (r: R) => boolean, show: (r: R) => void): Promise<{ best: R | null; all: R[] }> {
  let best: R | null = null;
  const all: R[] = [];
  for (const rate of rates) {
    let result = await trial(rate);
    show(result);
    all.push(result);
    if (!ok(result)) {
      console.log(`bench: ${rate}/s not held; trying it once more`);
      result = await trial(rate);
      show(result);
      all.push(result);
      if (!ok(result)) break;
    }
    best = result;
  }
  return { best, all };
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (!options) return 0;
  const runTag = Date.now().toString(36);
  // Logs at info, as `npm start` runs: their cost is part of the figures. One internal subscriber,
  // this one, as the floor has one consumer of its announcements (a `default` queue nobody reads
  // would only pile up in Redis during the run).
  const env: Record<string, string> = { ORDER_EVENT_SUBSCRIBERS: SUBSCRIBER, LOG_LEVEL: 'info' };
  // One connection carries the whole load here; keep its per-connection limit out of the way.
  env.GATEWAY_RATE_LIMIT_PER_SECOND = '100000';
  const profileDir = join(__dirname, '..', '..', 'tmp', 'profiles', runTag);
  if (options.cpuProf) {
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'cpu-profile.preload.js')}`.trim();
    env.BENCH_CPU_PROFILE_DIR = profileDir;
  }
  console.log(`bench: ${options.scenario.name} (${options.scenario.description}); ${options.replicas} process(es) per app, ${options.source ? 'TypeScript sources' : 'production build'}`);
  const system: RunningSystem = await startSystem({ env, logs: 'file', replicas: options.replicas, compiled: !options.source });
  const log = new OrderEventLog();
  const unsubscribe = await subscribe(system.redisUrl, system.queuePrefix, SUBSCRIBER, log);
  let sender: Sender | undefined;
  let running = true;
  const stopSystem = async () => {
    if (!running) return;
    running = false;
    sender?.close();
    await unsubscribe();
    await system.stop();
  };
  try {
    const tenant = await setupTenant({
      settingsUrl: system.urls['client-settings'],
      operatorToken: system.operatorToken,
      courierName: 'Bench Courier',
      clientName: 'Bench Client',
      configureClient: options.scenario.configureClient,
    });
    const path = new URL(tenant.webhookUrl).pathname;
    sender = new Sender(system.replicaUrls['ingestion-gateway'].map((base) => `${base}${path}`), tenant.signingSecret, options.connections);
    let batch = 0;
    const bodies = () => {
      const tag = `${runTag}-${batch++}`;
      return (index: number) => {
        const externalId = `B-${tag}-${index}`;
        return { externalId, body: JSON.stringify(options.scenario.buildEvent(index, externalId)) };
      };
    };
    await waitUntilConfigured(sender, log, bodies());
    if (options.warmup > 0) {
      console.log(`bench: warming up for ${options.warmup} s (not measured) ...`);
      await runTrial(sender, log, { rate: options.findMax?.from ?? options.rate, duration: options.warmup, drainSeconds: 30 }, bodies());
    }
    const trial = async (rate: number): Promise<TrialResult> => {
      console.log(`bench: ${rate}/s for ${options.duration} s ...`);
      const result = await runTrial(sender as Sender, log, { rate, duration: options.duration, drainSeconds: options.drain }, bodies());
      await sleep(2000);
      return result;
    };
    const show = (t: TrialResult) => console.log(trialReport(options.scenario.name, t));
    const product = options.findMax
      ? await search(ladder(options.findMax), trial, (t) => held(t).ok, show)
      : { best: await trial(options.rate), all: [] as TrialResult[] };
    if (!options.findMax && product.best) show(product.best);

    let floor: { best: FloorResult | null; all: FloorResult[] } | null = null;
    if (options.floor) {
      // The floor runs alone, as the product did: idle apps would add their CPU to the floor's.
      await stopSystem();
      const floorTrial = async (rate: number) => {
        console.log(`bench: floor at ${rate}/s for ${options.duration} s ...`);
        return runFloor(rate, options.duration);
      };
      const showFloor = (f: FloorResult) => console.log(floorReport(f));
      floor = options.findMax ? await search(ladder(options.findMax), floorTrial, floorHeld, showFloor) : { best: await floorTrial(options.rate), all: [] };
      if (!options.findMax && floor.best) showFloor(floor.best);
    }

    console.log('\n================ bench summary ================');
    if (options.findMax) console.log(`highest rate held by the product: ${product.best ? `${product.best.rate}/s` : `none from ${options.findMax.from}/s`}`);
    if (product.best) console.log(trialReport(options.scenario.name, product.best));
    if (floor?.best) {
      if (options.findMax) console.log(`highest rate held by the floor: ${floor.best.rate}/s (product at ${((100 * (product.best?.rate ?? 0)) / floor.best.rate).toFixed(0)}% of it)`);
      console.log(floorReport(floor.best));
      if (options.findMax) for (const line of sameRateComparisons(product.all, floor.all)) console.log(line);
      else if (product.best) console.log(comparison(product.best, floor.best));
    }
    console.log(`app logs: tmp/logs/${system.queuePrefix.replace(/^test-/, '')}-*.log`);
    console.log('===============================================');
    return 0;
  } finally {
    await stopSystem();
    if (options.cpuProf) console.log(`bench: app CPU profiles (written when an app exits cleanly) in ${profileDir}`);
  }
}

/** Sends one event again and again until it becomes an order (configuration reaches every app within a second or so). */
async function waitUntilConfigured(sender: Sender, log: OrderEventLog, body: (index: number) => { externalId: string; body: string }): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const { externalId, body: raw } = body(attempt);
    const record = { externalId, scheduledAt: 0, sentAt: 0, answeredAt: 0, status: 0 };
    await sender.send(raw, record);
    if (record.status === 202 && (await log.waitFor([externalId], 15_000))) return;
    await sleep(200);
  }
  throw new Error(`no probe event became an order within 20 s (see the app logs in tmp/logs/)`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);

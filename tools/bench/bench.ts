/**
 * Self-contained load benchmark of the integration intake path:
 *   signed generic webhook -> ingestion gateway (answer) -> order management -> order.created on BullMQ.
 *
 *   npm run bench -- [--rate 500] [--duration 30] [--connections 50] [--warmup 3] [--drain 30]
 *
 * Starts its own system (own database and queue prefix, see libs/system-harness),
 * creates its own tenant, sends signed events open-loop at a steady rate, consumes order-events-bench,
 * prints latencies and losses, then stops the system and drops its database.
 */
import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Job, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { CanonicalOrderEvent, OrderEvent, orderEventsQueueName, signGenericPayload } from '@portal/contracts';
import { RunningSystem, startSystem } from '@portal/system-harness';
import { setupRatesAndServices } from '../send-event/rates-and-services';
import { buildDemoEvent, randomId } from '../send-event/demo-event';
import { sleep } from '../send-event/http';
import { setupTenant, Tenant, TenantSetupOptions } from '../send-event/setup-tenant';
import { machineCpu, processCpuBetween, sampleProcesses } from './proc-cpu';
import { formatSummary, summarize } from './stats';

const TARGET = { rate: 500, durationSeconds: 30, p99Ms: 250 };
const SUBSCRIBER = 'bench';

// ---------------------------------------------------------------------------------------------
// Scenarios: what tenant the bench makes and what events it sends.
// ---------------------------------------------------------------------------------------------
export interface BenchScenario {
  name: string;
  configureClient?: TenantSetupOptions['configureClient'];
  buildEvent(index: number, externalId: string, tenant: Tenant): CanonicalOrderEvent;
}

const plainScenario: BenchScenario = {
  name: 'plain (client without Rates and Services; half pickup+dropoff, half dropoff-only)',
  buildEvent: (index, externalId) =>
    buildDemoEvent({ eventId: randomId('evt'), externalId, seed: index, dropoffOnly: index % 2 === 1 }),
};

/** Every order is quoted (three services, distance-based tables, CHEAPEST) before it is placed. */
const ratesAndServicesScenario: BenchScenario = {
  name: 'rates-and-services (three services, distance-based tables, CHEAPEST; every order quoted)',
  configureClient: (ctx) => setupRatesAndServices(ctx, 'CHEAPEST'),
  buildEvent: (index, externalId) => buildDemoEvent({ eventId: randomId('evt'), externalId, seed: index, dropoffOnly: index % 2 === 1 }),
};

const SCENARIOS: Record<string, BenchScenario> = { plain: plainScenario, 'rates-and-services': ratesAndServicesScenario };

// ---------------------------------------------------------------------------------------------

interface Options {
  rate: number;
  duration: number;
  connections: number;
  warmup: number;
  drain: number;
  cpuProf: boolean;
  scenario: BenchScenario;
}

function parseOptions(): Options | null {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: String(TARGET.rate) },
      duration: { type: 'string', default: String(TARGET.durationSeconds) },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '3' },
      drain: { type: 'string', default: '30' },
      scenario: { type: 'string', default: 'plain' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(`Usage: npm run bench -- [--rate 500] [--duration 30] [--connections 50] [--warmup 3] [--drain 30] [--scenario ${Object.keys(SCENARIOS).join('|')}]
  --rate         events per second sent open-loop (not waiting for answers)
  --duration     seconds of measured sending
  --connections  keep-alive sockets to the gateway (most requests in flight at once)
  --warmup       seconds of unmeasured load at the same rate before measuring (JIT, pools); 0 for none
  --drain        seconds to wait after sending for the remaining order.created events
  --cpu-prof     profile each app (V8 sampling profiler); .cpuprofile files land in tmp/profiles/<run>/ (open in Chrome DevTools)`);
    return null;
  }
  const num = (name: string, raw: string, min: number, max: number): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number in [${min}, ${max}], got ${raw}`);
    return n;
  };
  const scenario = SCENARIOS[values.scenario];
  if (!scenario) throw new Error(`--scenario must be one of ${Object.keys(SCENARIOS).join(', ')}`);
  return {
    rate: num('rate', values.rate, 1, 20_000),
    duration: num('duration', values.duration, 1, 3600),
    connections: Math.floor(num('connections', values.connections, 1, 10_000)),
    warmup: num('warmup', values.warmup, 0, 300),
    drain: num('drain', values.drain, 1, 600),
    cpuProf: values['cpu-prof'],
    scenario,
  };
}

/** One request of a load run. Times are performance.now() in this process. */
interface Sent {
  externalId: string;
  scheduledAt: number;
  sentAt: number;
  answeredAt: number;
  status: number; // 0 = no answer (network error or timeout)
  error?: string;
}

/** Arrival time of order events, keyed by the order's externalOrderId. */
class OrderEventLog {
  readonly created = new Map<string, { at: number; status: string }>();
  readonly drafted = new Map<string, number>();
  repeats = 0;
  record(event: OrderEvent, at: number): void {
    const key = event.order.source.externalOrderId;
    if (event.type === 'order.created') {
      if (this.created.has(key)) this.repeats += 1;
      else this.created.set(key, { at, status: event.order.status });
    } else if (event.type === 'order.drafted') {
      if (!this.drafted.has(key)) this.drafted.set(key, at);
    }
  }
}

/** Open-loop sender: fires on schedule whatever the answers; requests beyond the socket pool queue in the agent. */
class Sender {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    webhookUrl: string,
    private readonly secret: string,
    connections: number,
  ) {
    this.url = new URL(webhookUrl);
    if (this.url.hostname === 'localhost') this.url.hostname = '127.0.0.1';
    if (!['127.0.0.1', '::1', '[::1]'].includes(this.url.hostname)) {
      throw new Error(`the bench only sends to loopback, not ${this.url.hostname}`);
    }
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  send(body: string, record: Sent): Promise<void> {
    const signature = signGenericPayload(this.secret, body);
    record.sentAt = performance.now();
    return new Promise<void>((resolve) => {
      const done = (status: number, error?: string) => {
        if (record.answeredAt) return;
        record.answeredAt = performance.now();
        record.status = status;
        if (error) record.error = error;
        resolve();
      };
      const req = http.request(
        {
          agent: this.agent,
          host: this.url.hostname.replace(/^\[|\]$/g, ''),
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-signature': signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
          res.on('error', (e) => done(0, (e as NodeJS.ErrnoException).code ?? e.message));
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('TIMEOUT')));
      req.on('error', (e) => done(0, (e as NodeJS.ErrnoException).code ?? e.message));
      req.end(body);
    });
  }

  /** Sends `count` events at `rate`/s in small timer batches; resolves when every answer is in. */
  async run(
    count: number,
    rate: number,
    makeBody: (index: number) => { externalId: string; body: string },
  ): Promise<{ sent: Sent[]; startedAt: number; lastSentAt: number }> {
    const sent: Sent[] = [];
    const pending: Promise<void>[] = [];
    const interval = 1000 / rate;
    const tickMs = Math.min(10, Math.max(2, interval));
    const startedAt = performance.now();
    let lastSentAt = startedAt;
    await new Promise<void>((resolve) => {
      const fire = () => {
        const due = Math.min(count, Math.floor((performance.now() - startedAt) / interval) + 1);
        while (sent.length < due) {
          const index = sent.length;
          const { externalId, body } = makeBody(index);
          const record: Sent = { externalId, scheduledAt: startedAt + index * interval, sentAt: 0, answeredAt: 0, status: 0 };
          sent.push(record);
          pending.push(this.send(body, record));
        }
        lastSentAt = performance.now();
        if (sent.length >= count) {
          clearInterval(timer);
          resolve();
        }
      };
      const timer = setInterval(fire, tickMs);
      fire();
    });
    await Promise.all(pending);
    return { sent, startedAt, lastSentAt };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Waits until every externalId in `ids` has an order.created (or order.drafted), or the deadline passes. */
async function waitForOrders(log: OrderEventLog, ids: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let missing = ids.filter((id) => !log.created.has(id) && !log.drafted.has(id));
  while (missing.length > 0 && Date.now() < deadline) {
    await sleep(100);
    missing = missing.filter((id) => !log.created.has(id) && !log.drafted.has(id));
  }
  return missing.length === 0;
}

/** Sends one event again and again until the gateway accepts it (config reaches it within ~1 s). */
async function waitUntilGatewayAccepts(sender: Sender, tenant: Tenant, scenario: BenchScenario, runTag: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let last = '';
  for (let attempt = 0; Date.now() < deadline; attempt += 1) {
    const externalId = `W-${runTag}-probe-${attempt}`;
    const body = JSON.stringify(scenario.buildEvent(attempt, externalId, tenant));
    const record: Sent = { externalId, scheduledAt: 0, sentAt: 0, answeredAt: 0, status: 0 };
    await sender.send(body, record);
    if (record.status === 202) return externalId;
    last = `${record.status}${record.error ? ` ${record.error}` : ''}`;
    await sleep(100);
  }
  throw new Error(`the gateway did not accept an event within 15 s (last answer: ${last})`);
}

async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 3 });
  let deleted = 0;
  try {
    let cursor = '0';
    for (let i = 0; i < 100_000; i += 1) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) deleted += await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

const pct = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '-');

async function main(): Promise<number> {
  const options = parseOptions();
  if (!options) return 0;
  const { rate, duration, connections, scenario } = options;
  const total = Math.round(rate * duration);
  const runTag = Date.now().toString(36);

  console.log(`bench: ${scenario.name}`);
  console.log(`bench: starting the system (own database and queue prefix; app logs in tmp/logs/) ...`);
  const env: Record<string, string> = { ORDER_EVENT_SUBSCRIBERS: `default,${SUBSCRIBER}`, LOG_LEVEL: 'warn' };
  // One connection carries the whole load here; keep its per-connection limit (default 1000/s) out of the way.
  if (rate * 1.5 > 1000) env.GATEWAY_RATE_LIMIT_PER_SECOND = String(Math.ceil(rate * 2));
  const profileDir = join(__dirname, '..', '..', 'tmp', 'profiles', runTag);
  if (options.cpuProf) {
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'cpu-profile.preload.js')}`.trim();
    env.BENCH_CPU_PROFILE_DIR = profileDir;
  }
  const system: RunningSystem = await startSystem({ env, logs: 'file' });
  const logPrefix = `tmp/logs/${system.queuePrefix.replace(/^test-/, '')}-*.log`;
  let worker: Worker | undefined;
  let workerRedis: IORedis | undefined;
  let sender: Sender | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    sender?.close();
    await worker?.close().catch(() => undefined);
    workerRedis?.disconnect();
    await system.stop();
    const keys = await deleteQueueKeys(system.redisUrl, system.queuePrefix).catch(() => 0);
    console.log(`bench: system stopped, database dropped, ${keys} Redis keys under ${system.queuePrefix}: removed`);
    if (options.cpuProf) console.log(`bench: app CPU profiles (written when an app exits cleanly) in ${profileDir}`);
  };
  const onSignal = () => {
    console.log('\nbench: interrupted, stopping the system ...');
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const log = new OrderEventLog();
    workerRedis = new IORedis(system.redisUrl, { maxRetriesPerRequest: null });
    worker = new Worker(
      orderEventsQueueName(SUBSCRIBER),
      async (job: Job) => {
        log.record(job.data as OrderEvent, performance.now());
      },
      {
        connection: workerRedis,
        prefix: system.queuePrefix,
        concurrency: 50,
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 1000 },
      },
    );
    worker.on('error', (e) => console.error(`bench: worker error: ${e.message}`));
    await worker.waitUntilReady();

    const tenant = await setupTenant({
      settingsUrl: system.urls['client-settings'],
      operatorToken: system.operatorToken,
      courierName: 'Bench Courier',
      clientName: 'Bench Client',
      configureClient: scenario.configureClient,
    });
    sender = new Sender(tenant.webhookUrl, tenant.signingSecret, connections);
    const configuredAt = performance.now();
    const probe = await waitUntilGatewayAccepts(sender, tenant, scenario, runTag);
    const acceptedAfter = performance.now() - configuredAt;
    if (!(await waitForOrders(log, [probe], 15_000))) {
      throw new Error(`the first accepted event became no order.created within 15 s: see the integration event log and ${logPrefix}`);
    }
    console.log(
      `bench: tenant ready (gateway accepted after ${acceptedAfter.toFixed(0)} ms; first order.created after ${(performance.now() - configuredAt).toFixed(0)} ms)`,
    );

    const makeBody = (prefix: string) => (index: number) => {
      const externalId = `${prefix}-${runTag}-${index}`;
      return { externalId, body: JSON.stringify(scenario.buildEvent(index, externalId, tenant)) };
    };

    if (options.warmup > 0) {
      const warmCount = Math.round(rate * options.warmup);
      console.log(`bench: warming up: ${warmCount} events over ${options.warmup} s (not measured) ...`);
      const warm = await sender.run(warmCount, rate, makeBody('W'));
      const accepted = warm.sent.filter((s) => s.status === 202).map((s) => s.externalId);
      await waitForOrders(log, accepted, 30_000);
    }

    console.log(`bench: sending ${total} events at ${rate}/s for ${duration} s over ${connections} keep-alive sockets ...`);
    // The histogram holds the time between 10 ms samples: the delay is what exceeds the interval.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const loopDelayMs = (ns: number) => Math.max(0, ns / 1e6 - 10).toFixed(1);
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const machineBefore = machineCpu();
    const procBefore = sampleProcesses();
    const sampledFrom = performance.now();
    const run = await sender.run(total, rate, makeBody('B'));
    // Sampled once every answer is in: CPU shares below are over [first send, last answer].
    const sampledMs = performance.now() - sampledFrom;
    const sendCpu = process.cpuUsage(cpuBefore);
    const machineAfterSend = machineCpu();
    const procAfterSend = sampleProcesses();
    loopDelay.disable();
    const sendWallMs = run.lastSentAt - run.startedAt;
    const answeredWallMs = Math.max(...run.sent.map((s) => s.answeredAt)) - run.startedAt;

    const accepted = run.sent.filter((s) => s.status === 202);
    console.log(`bench: all answers in; waiting up to ${options.drain} s for the remaining order.created events ...`);
    await waitForOrders(log, accepted.map((s) => s.externalId), options.drain * 1000);
    const totalCpu = process.cpuUsage(cpuBefore);
    const endedAt = performance.now();

    // ----- report -----
    const byStatus = new Map<string, number>();
    for (const s of run.sent) {
      const key = s.status === 0 ? `no answer (${s.error ?? 'unknown'})` : String(s.status);
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    }
    const answered = run.sent.filter((s) => s.status !== 0);
    const answerLatency = summarize(answered.map((s) => s.answeredAt - s.sentAt));
    const senderLag = summarize(run.sent.map((s) => s.sentAt - s.scheduledAt));
    const placedLatencies: number[] = [];
    let placed = 0;
    let drafted = 0;
    let lost = 0;
    let lastArrival = run.startedAt;
    for (const s of accepted) {
      const created = log.created.get(s.externalId);
      if (created) {
        if (created.status === 'PLACED') placed += 1;
        placedLatencies.push(created.at - s.sentAt);
        lastArrival = Math.max(lastArrival, created.at);
      } else if (log.drafted.has(s.externalId)) {
        drafted += 1;
      } else {
        lost += 1;
      }
    }
    const e2e = summarize(placedLatencies);
    const achievedRate = (run.sent.length * 1000) / Math.max(1, sendWallMs);
    const orderRate = (placedLatencies.length * 1000) / Math.max(1, lastArrival - run.startedAt);
    const sendSeconds = sendWallMs / 1000;
    const coreShare = (cpu: NodeJS.CpuUsage, wallMs: number) => `${(((cpu.user + cpu.system) / 1000 / wallMs) * 100).toFixed(0)}% of one core`;

    const lines: string[] = [];
    lines.push('');
    lines.push('================ bench results ================');
    lines.push(`scenario:            ${scenario.name}`);
    lines.push(`send rate:           target ${rate}/s for ${duration} s (${total} events); achieved ${achievedRate.toFixed(1)}/s over ${sendSeconds.toFixed(2)} s; last answer at ${(answeredWallMs / 1000).toFixed(2)} s`);
    lines.push(`sender schedule lag: ${formatSummary(senderLag)}`);
    lines.push(`answers by status:   ${[...byStatus.entries()].sort().map(([k, v]) => `${k}: ${v} (${pct(v, run.sent.length)})`).join(', ')}`);
    lines.push(`gateway answer:      ${formatSummary(answerLatency)}`);
    lines.push(`orders placed:       ${placed} (order.created received for ${placedLatencies.length} of ${accepted.length} accepted; drafted ${drafted}; repeated deliveries ${log.repeats})`);
    lines.push(`order.created rate:  ${orderRate.toFixed(1)}/s (from first send to last order.created)`);
    lines.push(`webhook->created:    ${formatSummary(e2e)}`);
    lines.push(`event loss:          ${lost} (answered 202, yet no order.created or order.drafted within ${options.drain} s after the last answer)`);
    lines.push(`bench process CPU:   ${coreShare(sendCpu, sampledMs)} from first send to last answer; ${coreShare(totalCpu, endedAt - run.startedAt)} incl. drain; event-loop delay p99 ${loopDelayMs(loopDelay.percentile(99))} ms, max ${loopDelayMs(loopDelay.max)} ms`);
    const busy = machineAfterSend.busyMs - machineBefore.busyMs;
    const all = machineAfterSend.totalMs - machineBefore.totalMs;
    lines.push(`machine CPU:         ${pct(busy, all)} busy across ${machineAfterSend.cores} cores from first send to last answer (${(sampledMs / 1000).toFixed(1)} s)`);
    for (const p of processCpuBetween(procBefore, procAfterSend)) {
      lines.push(`  ${p.label.padEnd(30)} ${((p.cpuMs / sampledMs) * 100).toFixed(0)}% of one core`);
    }
    const procAtEnd = sampleProcesses();
    const gone = [...procBefore.keys()].filter((label) => label.startsWith('app ') && !procAtEnd.has(label));
    if (gone.length) lines.push(`WARNING: ${gone.join(', ')} stopped running during the run (see its log)`);

    const reasons: string[] = [];
    if (rate < TARGET.rate || duration < TARGET.durationSeconds) reasons.push(`run was below the target load (--rate ${TARGET.rate} --duration ${TARGET.durationSeconds})`);
    if (achievedRate < rate * 0.98) reasons.push(`achieved send rate ${achievedRate.toFixed(1)}/s < 98% of ${rate}/s`);
    if (accepted.length !== run.sent.length) reasons.push(`${run.sent.length - accepted.length} answers were not 202`);
    if (lost > 0 || placedLatencies.length !== accepted.length) reasons.push(`${accepted.length - placedLatencies.length} accepted events have no order.created`);
    if (!(e2e.p99 < TARGET.p99Ms)) reasons.push(`p99 ${e2e.p99.toFixed(1)} ms >= ${TARGET.p99Ms} ms`);
    const met = reasons.length === 0;
    const belowTargetOnly = reasons.length === 1 && (rate < TARGET.rate || duration < TARGET.durationSeconds);
    lines.push(
      `target: ${TARGET.rate} orders/s for ${TARGET.durationSeconds} s, webhook->order.created p99 < ${TARGET.p99Ms} ms: ${met ? 'MET' : 'NOT MET'}` +
        (met ? '' : `  (${reasons.join('; ')})`),
    );
    if (!met) lines.push(`app logs: ${logPrefix}`);
    lines.push('===============================================');
    console.log(lines.join('\n'));
    // A short smoke run (below the target load) that otherwise went well is a success.
    return met || belowTargetOnly ? 0 : 1;
  } finally {
    await stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exit(2);
  },
);

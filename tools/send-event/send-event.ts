/**
 * Send a first signed generic event by hand, after `npm start`.
 *
 *   npm run send-event -- --setup          create a courier, client and generic connection; save to .local/demo.json
 *   npm run send-event                     send a realistic signed event to the saved connection and show the order
 *   npm run send-event -- --setup --platform shopify       the same with a Shopify connection (.local/demo-shopify.json)
 *   npm run send-event -- --platform shopify               send a signed Shopify orders/create sample (woocommerce likewise)
 *   npm run send-event -- --update | --cancel              change or cancel the order sent last (any --platform)
 *   npm run send-event -- --help           all options
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { IntegrationEvent, Order, Page } from '@portal/contracts';
import { signGenericPayload } from '@portal/contracts';
import { buildDemoEvent } from './demo-event';
import { HttpError, request, sleep } from './http';
import { DEFAULT_SAMPLES, DEFAULT_TOPICS, platformDelivery, wooPing, type SamplePlatform } from './platform-samples';
import { setupTenant, Tenant } from './setup-tenant';


const ROOT = join(__dirname, '..', '..');
export const DEMO_FILE = join(ROOT, '.local', 'demo.json');

const PLATFORMS = ['generic', 'shopify', 'woocommerce'] as const;
type Platform = (typeof PLATFORMS)[number];

/** Each platform's demo connection is saved apart, so all three can be tried side by side. */
export const demoFile = (platform: Platform): string => (platform === 'generic' ? DEMO_FILE : join(ROOT, '.local', `demo-${platform}.json`));

const USAGE = `Usage:
  npm run send-event -- --setup [--settings-url URL] [--operator-token T]
      Creates a courier, a client (America/New_York, kg, default pickup in Manhattan), turns its
      integrations on, creates a generic connection, and saves what it made to .local/demo.json.

  npm run send-event -- [options]
      Builds a realistic generic order event, signs it (X-Signature), POSTs it to the connection's
      webhook URL, prints the answer, then waits (up to 10 s) for the order to appear in order
      management and prints it; if it does not appear, prints the connection's integration event log.

  npm run send-event -- --setup --platform shopify|woocommerce
      The same tenant with a Shopify connection (a generated signing secret stands in for the key
      Shopify would issue; delivery-window note attributes "Delivery Window Start"/"Delivery Window End")
      or a WooCommerce connection; saved to .local/demo-<platform>.json.

  npm run send-event -- --platform shopify|woocommerce [--sample NAME] [--topic T] [--ping]
      Sends a realistic sample from apps/ingestion-gateway/test/fixtures/<platform>/ (default
      ${DEFAULT_SAMPLES.shopify} / ${DEFAULT_SAMPLES.woocommerce}) with a fresh order id, signed as the
      platform signs (base64 HMAC-SHA256 of the raw body) and with its headers, then waits for the order.
      --sample order-test.json, order-cancelled.json, order-created-pending.json ... show the other rules.
      --ping sends WooCommerce's unsigned webhook_id=N creation ping instead.

  npm run send-event -- [--platform P] --update | --cancel [--external-id ID]
      Changes or cancels the order sent last (or --external-id): generic order.updated (the whole
      order as it now is) / order.cancelled; Shopify orders/updated (a new shipping address) /
      orders/cancelled; WooCommerce order.updated in processing / in cancelled. Then waits (up to
      10 s) for what became of it in the integration event log (UPDATED, CANCELLED, IGNORED NO_CHANGE
      ...) and prints the order.

Options (defaults come from .local/demo.json, or .local/demo-<platform>.json, written by --setup):
  --platform P           generic (default), shopify or woocommerce
  --connection ID        connection id (webhook URL becomes <gateway-url>/v1/hooks/ID unless --url)
  --secret S             signing secret of the connection
  --url URL              webhook URL to POST to
  --key K                API key used to read orders and the event log (the courier key from --setup)
  --event-id ID          event id (default: random evt_...)
  --external-id ID       order.externalId (default: random A-...)
  --dropoff-only         leave out the pickup task (the client's default pickup is used)
  --update               send a change to the order sent last (or --external-id) instead of a new order
  --cancel               send its cancellation
  --reason R             (generic) the reason a --cancel gives
  --file PATH            send this JSON file's exact bytes as the body instead of a built event
  --sample NAME          (shopify, woocommerce) the fixture to send
  --topic T              (shopify, woocommerce) the topic header (default ${DEFAULT_TOPICS.shopify} / ${DEFAULT_TOPICS.woocommerce})
  --ping                 (woocommerce) send the unsigned creation ping
  --no-wait              do not wait for the order
  --gateway-url URL      default http://127.0.0.1:3000 (env INGESTION_GATEWAY_URL)
  --settings-url URL     default http://127.0.0.1:3001 (env CLIENT_SETTINGS_URL)
  --orders-url URL       default http://127.0.0.1:3002 (env ORDER_MANAGEMENT_URL)
  --operator-token T     default env OPERATOR_TOKEN or local-operator-token
  --help                 this text
`;

type Demo = Pick<Tenant, 'courierApiKey' | 'clientId' | 'connectionId' | 'webhookUrl' | 'signingSecret'> & {
  courierId?: string;
  settingsUrl?: string;
  /** The external id of the order sent last: what --update and --cancel change. */
  lastExternalId?: string;
};

function readDemo(platform: Platform): Demo | null {
  const file = demoFile(platform);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Demo;
}

function parse() {
  return parseArgs({
    options: {
      setup: { type: 'boolean', default: false },
      platform: { type: 'string', default: 'generic' },
      sample: { type: 'string' },
      topic: { type: 'string' },
      ping: { type: 'boolean', default: false },
      connection: { type: 'string' },
      secret: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      'event-id': { type: 'string' },
      'external-id': { type: 'string' },
      'dropoff-only': { type: 'boolean', default: false },
      update: { type: 'boolean', default: false },
      cancel: { type: 'boolean', default: false },
      reason: { type: 'string' },
      file: { type: 'string' },
      'no-wait': { type: 'boolean', default: false },
      'gateway-url': { type: 'string', default: process.env.INGESTION_GATEWAY_URL ?? 'http://127.0.0.1:3000' },
      'settings-url': { type: 'string', default: process.env.CLIENT_SETTINGS_URL ?? 'http://127.0.0.1:3001' },
      'orders-url': { type: 'string', default: process.env.ORDER_MANAGEMENT_URL ?? 'http://127.0.0.1:3002' },
      'operator-token': { type: 'string', default: process.env.OPERATOR_TOKEN ?? 'local-operator-token' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}
type Args = ReturnType<typeof parse>;

/** A change to an order sent before, if one is asked for. */
function changeOf(args: Args): 'update' | 'cancel' | undefined {
  if (args.update && args.cancel) throw new Error('--update and --cancel cannot be combined');
  return args.update ? 'update' : args.cancel ? 'cancel' : undefined;
}

function platformOf(args: Args): Platform {
  const platform = args.platform as Platform;
  if (!PLATFORMS.includes(platform)) throw new Error(`--platform must be one of ${PLATFORMS.join(', ')} (got "${args.platform}")`);
  return platform;
}

/** The connection --setup creates for each platform. */
function demoConnection(platform: Platform) {
  switch (platform) {
    case 'shopify':
      // Shopify issues the key in a real store; the demo makes one up and signs with it itself.
      return {
        platform,
        name: 'Demo Shopify store',
        signingSecret: `shpss_${randomBytes(24).toString('hex')}`,
        settings: { windowKeys: { completeAfter: 'Delivery Window Start', completeBefore: 'Delivery Window End' } },
      };
    case 'woocommerce':
      return { platform, name: 'Demo WooCommerce store' };
    default:
      return { platform, name: 'Demo generic connection' };
  }
}

async function runSetup(args: Args): Promise<void> {
  const platform = platformOf(args);
  const tenant = await setupTenant({ settingsUrl: args['settings-url'], operatorToken: args['operator-token'], connection: demoConnection(platform) });
  const demo: Demo = {
    courierApiKey: tenant.courierApiKey,
    clientId: tenant.clientId,
    connectionId: tenant.connectionId,
    webhookUrl: tenant.webhookUrl,
    signingSecret: tenant.signingSecret,
    courierId: tenant.courierId,
    settingsUrl: args['settings-url'],
  };
  const file = demoFile(platform);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  console.log(JSON.stringify(demo, null, 2));
  const next = platform === 'generic' ? 'npm run send-event' : `npm run send-event -- --platform ${platform}`;
  console.log(`\nSaved to ${file}. Give it about a second to reach the gateway, then: ${next}`);
}

/** POSTs the body; when `localhost` is refused (IPv6 first, app on 127.0.0.1), retries on 127.0.0.1. */
async function post(url: string, body: string, headers: Record<string, string>) {
  const send = (target: string) => request('POST', target, { rawBody: body, headers });
  try {
    return await send(url);
  } catch (error) {
    const parsed = new URL(url);
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (parsed.hostname !== 'localhost' || code !== 'ECONNREFUSED') throw error;
    parsed.hostname = '127.0.0.1';
    console.log(`(localhost refused the connection; retrying on ${parsed.toString()})`);
    return await send(parsed.toString());
  }
}

function externalIdOf(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { order?: { externalId?: unknown } }).order?.externalId;
    return typeof id === 'string' ? id.trim() : undefined;
  } catch {
    return undefined;
  }
}

async function waitForOrder(ordersUrl: string, key: string, externalId: string, timeoutMs: number): Promise<Order | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await request<Page<Order>>('GET', `${ordersUrl}/v1/orders?limit=5`, { token: key });
    if (answer.status !== 200) {
      console.log(`GET /v1/orders answered ${answer.status}: ${answer.text}`);
      return null;
    }
    const found = answer.body.items.find((o) => o.source?.externalOrderId === externalId);
    if (found) return found;
    await sleep(250);
  }
  return null;
}

/** Keeps the order sent last in the demo file, so --update and --cancel know which order to change. */
function rememberOrder(platform: Platform, demo: Demo, externalId: string): void {
  writeFileSync(demoFile(platform), `${JSON.stringify({ ...demo, lastExternalId: externalId }, null, 2)}\n`, { mode: 0o600 });
}

/** Waits for a change's entry in the event log to leave PENDING, prints it and the order it names. */
async function waitForOutcome(ordersUrl: string, key: string, clientId: string | undefined, eventId: string | undefined, started: number): Promise<boolean> {
  if (!eventId) return false;
  console.log(`\nWaiting up to 10 s for what becomes of event ${eventId} in ${ordersUrl}/v1/integration-events ...`);
  const query = new URLSearchParams({ limit: '50', ...(clientId ? { clientId } : {}) });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const answer = await request<Page<IntegrationEvent>>('GET', `${ordersUrl}/v1/integration-events?${query}`, { token: key });
    const entry = answer.status === 200 ? answer.body.items.find((e) => e.id === eventId && e.outcome !== 'PENDING') : undefined;
    if (entry) {
      console.log(`${entry.outcome}${entry.reasonCode ? ` (${entry.reasonCode})` : ''} after ${Date.now() - started} ms${entry.reason ? `: ${entry.reason}` : ''}`);
      if (entry.orderId) {
        const order = await request<Order>('GET', `${ordersUrl}/v1/orders/${entry.orderId}`, { token: key });
        console.log(JSON.stringify(order.body, null, 2));
      }
      return true;
    }
    await sleep(250);
  }
  console.log(`Event ${eventId} has no outcome after 10 s.`);
  return false;
}

async function printEventLog(ordersUrl: string, key: string, connectionId: string, clientId: string | undefined, externalId?: string) {
  const query = new URLSearchParams({ limit: '20' });
  if (clientId) query.set('clientId', clientId);
  const answer = await request<Page<IntegrationEvent>>('GET', `${ordersUrl}/v1/integration-events?${query}`, { token: key });
  if (answer.status !== 200) {
    console.log(`GET /v1/integration-events answered ${answer.status}: ${answer.text}`);
    return;
  }
  const entries = answer.body.items.filter((e) => e.connectionId === connectionId);
  console.log(`\nIntegration event log for connection ${connectionId} (newest first, ${entries.length} shown):`);
  if (entries.length === 0) console.log('  (nothing recorded for this connection yet)');
  for (const e of entries) {
    const mark = externalId && e.externalOrderId === externalId ? '->' : '  ';
    console.log(
      `${mark} ${e.receivedAt}  ${e.outcome.padEnd(9)} event=${e.externalEventId ?? '-'} order=${e.externalOrderId ?? '-'}` +
        `${e.orderId ? ` orderId=${e.orderId}` : ''}${e.reason ? `\n      reason: ${e.reason}` : ''}`,
    );
  }
}

async function runSend(args: Args): Promise<number> {
  const platform = platformOf(args);
  const demo = readDemo(platform);
  const connectionId = args.connection ?? demo?.connectionId;
  const secret = args.secret ?? demo?.signingSecret;
  const url =
    args.url ??
    (args.connection && args.connection !== demo?.connectionId
      ? `${args['gateway-url']}/v1/hooks/${args.connection}`
      : demo?.webhookUrl);
  const key = args.key ?? demo?.courierApiKey;
  if (!secret || !url || !connectionId) {
    const setup = platform === 'generic' ? '--setup' : `--setup --platform ${platform}`;
    console.error(`No connection to send to: run \`npm run send-event -- ${setup}\` first, or pass --connection and --secret.\n`);
    console.error(USAGE);
    return 2;
  }

  const change = changeOf(args);
  const changedId = args['external-id'] ?? demo?.lastExternalId;
  if (change && !changedId) {
    console.error(`--${change} changes an order sent before: send one first (npm run send-event${platform === 'generic' ? '' : ` -- --platform ${platform}`}) or pass --external-id.`);
    return 2;
  }
  let body: string;
  let headers: Record<string, string> = {};
  let externalId: string | undefined;
  if (platform === 'woocommerce' && args.ping) {
    ({ body, headers } = wooPing());
  } else if (platform !== 'generic') {
    const delivery = platformDelivery(platform as SamplePlatform, secret, {
      sample: args.sample,
      file: args.file ? resolve(process.cwd(), args.file) : undefined,
      externalId: change ? changedId : args['external-id'],
      eventId: args['event-id'],
      topic: args.topic,
      change,
    });
    ({ body, headers, externalOrderId: externalId } = delivery);
  } else if (args.file) {
    body = readFileSync(resolve(process.cwd(), args.file), 'utf8');
  } else {
    const event = buildDemoEvent({
      eventId: args['event-id'],
      externalId: change ? changedId : args['external-id'],
      dropoffOnly: args['dropoff-only'],
      change,
      reason: args.reason,
    });
    body = JSON.stringify(event, null, 2);
  }
  if (platform === 'generic') {
    externalId = externalIdOf(body);
    headers = { 'content-type': 'application/json', 'x-signature': signGenericPayload(secret, body) };
  }
  if (demo && externalId && !args.connection) rememberOrder(platform, demo, externalId);

  console.log(`POST ${url}`);
  for (const [name, value] of Object.entries(headers)) console.log(`${name}: ${value}`);
  console.log(body);
  const started = Date.now();
  const answer = await post(url, body, headers);
  console.log(`\n-> ${answer.status} in ${Date.now() - started} ms: ${answer.text}`);

  if (!key) {
    console.log('\n(no API key known: pass --key to see the order and the event log)');
    return answer.status < 300 ? 0 : 1;
  }
  const ordersUrl = args['orders-url'];
  const clientId = args.connection && args.connection !== demo?.connectionId ? undefined : demo?.clientId;
  if (answer.status >= 300) {
    await sleep(1000);
    await printEventLog(ordersUrl, key, connectionId, clientId, externalId);
    return 1;
  }
  if ((answer.body as { status?: unknown } | null)?.status === 'ignored') {
    console.log('The gateway answered it and created nothing by rule (a ping, another topic or status, a test or cancelled order, or an order it cannot deliver):');
    if (!args.ping) {
      await sleep(1000);
      await printEventLog(ordersUrl, key, connectionId, clientId, externalId);
    }
    return 0;
  }
  if ((answer.body as { status?: unknown } | null)?.status === 'duplicate') {
    console.log('The gateway has seen this event id or order before: it creates nothing new (the order below is the first one).');
  }
  if (args['no-wait'] || !externalId) return 0;
  if (change) return (await waitForOutcome(ordersUrl, key, clientId, (answer.body as { eventId?: string } | null)?.eventId, started)) ? 0 : 1;

  console.log(`\nWaiting up to 10 s for order ${externalId} in ${ordersUrl}/v1/orders ...`);
  const order = await waitForOrder(ordersUrl, key, externalId, 10_000);
  if (order) {
    console.log(`Order ${order.id} is ${order.status} after ${Date.now() - started} ms:`);
    console.log(JSON.stringify(order, null, 2));
    return 0;
  }
  console.log(`Order ${externalId} did not appear within 10 s.`);
  await printEventLog(ordersUrl, key, connectionId, clientId, externalId);
  return 1;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.setup) {
    await runSetup(args);
    return 0;
  }
  return runSend(args);
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof HttpError) console.error(error.message);
      else {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        console.error(cause ? `${(error as Error).message}: ${cause.code ?? cause.message}` : error);
        if (cause?.code === 'ECONNREFUSED') console.error('Is the system running? Start it with `npm start`.');
      }
      process.exit(1);
    },
  );
}

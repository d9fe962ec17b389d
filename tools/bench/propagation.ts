/**
 * How long a configuration change takes to reach the apps that use it (PRODUCT: "within a second"):
 * changes every rate table of a Rates and Services client, then asks for quotes until the new prices
 * show, ten times. Starts its own system; prints each time and the median.
 *   npm run bench:propagation
 */
import { startSystem } from '@portal/system-harness';
import type { Page, QuoteResult, RateTable } from '@portal/contracts';
import { buildDemoEvent } from '../send-event/demo-event';
import { call } from '../send-event/http';
import { setupRatesAndServices } from '../send-event/rates-and-services';
import { setupTenant } from '../send-event/setup-tenant';

const ROUNDS = 10;

async function main(): Promise<void> {
  const system = await startSystem({ env: { LOG_LEVEL: 'warn' } });
  try {
    const settingsUrl = system.urls['client-settings'];
    const tenant = await setupTenant({ settingsUrl, operatorToken: system.operatorToken, configureClient: (ctx) => setupRatesAndServices(ctx) });
    const token = tenant.courierApiKey;
    const order = buildDemoEvent({ seed: 1 }).order;
    const prices = async (): Promise<string> => {
      const result = await call<QuoteResult>('POST', `${system.urls['order-management']}/v1/quotes`, { token, json: { clientId: tenant.clientId, order } });
      return result.quotes.map((q) => q.price?.amount ?? '-').join(',');
    };
    const waitFor = async (done: (seen: string) => boolean): Promise<void> => {
      for (let i = 0; i < 500; i++) {
        if (done(await prices().catch(() => ''))) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the change did not show within 10 s');
    };
    await waitFor((seen) => seen.length > 0);
    const tables = await call<Page<RateTable>>('GET', `${settingsUrl}/v1/rate-tables`, { token });
    const samples: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const amount = 1000 + round;
      const started = Date.now();
      for (const table of tables.items) {
        await call('PATCH', `${settingsUrl}/v1/rate-tables/${table.id}`, { token, json: { base: { method: 'FLAT', amount } } });
      }
      await waitFor((seen) => seen.split(',').every((price) => price === String(amount)));
      samples.push(Date.now() - started);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`rate table change -> visible in quotes, ms (${ROUNDS} rounds): ${samples.join(' ')}`);
    console.log(`median ${sorted[Math.floor(ROUNDS / 2)]} ms, max ${sorted[ROUNDS - 1]} ms`);
  } finally {
    await system.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

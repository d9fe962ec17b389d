import type { Browser, Page } from 'playwright-core';
import { launchChromium, openConsole, screenshot } from './support/browser';
import { eventually } from './support/eventually';
import { createCourier, genericEvent, type Courier } from './support/fixtures';
import { sendSigned } from './support/hooks';
import { startE2eSystem, type E2eSystem } from './support/system';

jest.setTimeout(180_000);

/**
 * The console in Debian's Chromium against the whole system: what a courier and a client do, by
 * clicking, from signing in to a placed order. Each step leaves a screenshot of its page at laptop
 * and phone width in tmp/console-screenshots/.
 */
describe('the console (system, in a browser)', () => {
  let sys: E2eSystem;
  let browser: Browser;
  let page: Page;
  let courier: Courier;
  let consoleUrl: string;
  const hook = { webhookUrl: '', signingSecret: '' };
  const state = { acmeId: '', cornerId: '', draftExternalId: '', rejectedExternalId: '', clientKey: '' };

  beforeAll(async () => {
    sys = await startE2eSystem({}, { console: true });
    consoleUrl = sys.system.consoleUrl ?? '';
    courier = await createCourier(sys, 'Speedy Couriers');
    browser = await launchChromium();
    ({ page } = await openConsole(browser, consoleUrl));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  }, 60_000);

  const main = () => page.getByRole('main');
  const nav = (name: string) => page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name, exact: true });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name });
  const row = (text: string) => main().getByRole('row').filter({ hasText: text });

  /** Sends a signed generic event until the gateway knows the connection and its enabled client. */
  const deliver = async (connection: { webhookUrl: string; signingSecret: string }, event: unknown) =>
    eventually(async () => {
      const res = await sendSigned(connection.webhookUrl, connection.signingSecret, event);
      if (res.status !== 202) throw new Error(`gateway answered ${res.status}: ${res.text}`);
    }, 15_000, 200);

  it('signs a courier in with an API key kept in the tab only, and says so when a key is refused', async () => {
    await heading('Sign in').waitFor();
    await screenshot(page, '01-sign-in');
    await page.getByLabel('API key').fill('not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Signing in failed' }).waitFor();

    await page.getByLabel('API key').fill(courier.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading('Overview').waitFor();
    expect(page.url()).not.toContain(courier.apiKey);
    expect(await page.evaluate('JSON.stringify(sessionStorage)')).toContain(courier.apiKey);
    expect(await page.evaluate('localStorage.length + document.cookie.length')).toBe(0);
  });

  it('creates a service and a rate table on Rates and Services', async () => {
    await nav('Rates and Services').click();
    await heading('Rates and Services').waitFor();
    const service = page.getByRole('form', { name: 'New service' });
    await service.getByLabel('Code').fill('RUSH_2H');
    await service.getByLabel('Service name').fill('2-hour rush');
    await service.getByLabel('Minutes').fill('120');
    await service.getByRole('button', { name: 'Create service' }).click();
    await row('RUSH_2H').waitFor();

    const rates = page.getByRole('form', { name: 'New rate table' });
    await rates.getByLabel('Rate table name').fill('Standard');
    await rates.getByLabel('Base amount').fill('12.50');
    await rates.getByRole('button', { name: 'Create rate table' }).click();
    await row('Standard').filter({ hasText: '$12.50' }).waitFor();
    await screenshot(page, '02-rates-and-services');
  });

  it('creates a client on Clients and opens its Integration Settings', async () => {
    await nav('Clients').click();
    await heading('Clients').waitFor();
    await main().getByRole('button', { name: 'New client' }).click();
    const form = page.getByRole('form', { name: 'New client' });
    await form.getByLabel('Name').fill('Acme Shop');
    await form.getByLabel('Timezone').fill('America/New_York');
    await form.getByRole('button', { name: 'Create client' }).click();
    await page.getByText('Acme Shop was created.').waitFor();
    await row('Acme Shop').waitFor();
    await screenshot(page, '03-clients');

    await page.getByRole('link', { name: 'Integration Settings of Acme Shop' }).click();
    await heading('Integration Settings').waitFor();
    state.acmeId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(state.acmeId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('assigns the service, sees the 422 in words when integrations need a rule, then picks one', async () => {
    const assign = page.getByRole('form', { name: 'Assign a service' });
    await assign.getByLabel('Service').selectOption({ label: 'RUSH_2H — 2-hour rush' });
    await assign.getByRole('button', { name: 'Assign service' }).click();
    await main().getByRole('row').filter({ hasText: 'RUSH_2H' }).filter({ hasText: 'Standard' }).waitFor();

    await page.getByRole('switch', { name: /Create orders from integrations/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Saving the integration settings failed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('choose a serviceSelectionRule');
    expect(await refusal.textContent()).toContain('HTTP 422');
    await main().getByText('is required while the client has services assigned').waitFor();

    await page.getByLabel('Service selection rule').selectOption('FASTEST');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/Saved\. Integrations are on/).waitFor();
    await main().getByText('Integrations on', { exact: true }).waitFor();
  });

  it('creates a connection, sees its webhook URL and secret once, and copies the secret', async () => {
    await main().getByRole('button', { name: 'New connection' }).click();
    const form = page.getByRole('form', { name: 'New connection' });
    await form.getByLabel('Name (optional)').fill('Main store');
    await form.getByRole('button', { name: 'Create connection' }).click();
    const once = page.getByRole('region', { name: /Connection created: Main store/ });
    await once.waitFor();
    hook.webhookUrl = await once.getByLabel('Webhook URL', { exact: true }).inputValue();
    hook.signingSecret = await once.getByLabel('Signing secret', { exact: true }).inputValue();
    expect(hook.webhookUrl).toContain('/v1/hooks/');
    expect(hook.signingSecret.length).toBeGreaterThanOrEqual(16);

    await once.getByRole('button', { name: 'Copy Signing secret' }).click();
    await once.getByText('Signing secret copied to the clipboard.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(hook.signingSecret);
    await main().getByRole('listitem', { name: 'Connection Main store' }).getByText('NEW', { exact: true }).waitFor();
    await screenshot(page, '04-integration-settings');

    await once.getByRole('button', { name: 'I have saved it' }).click();
    await once.waitFor({ state: 'detached' });
    expect(await main().textContent()).not.toContain(hook.signingSecret);
  });

  it('shows a signed event without a weight as a Draft with its reason in words', async () => {
    const event = genericEvent({ extra: { weight: undefined } });
    state.draftExternalId = event.order.externalId;
    await deliver(hook, event);

    await nav('Drafts').click();
    await heading('Drafts').waitFor();
    await eventually(async () => {
      await page.reload();
      await row(state.draftExternalId).waitFor({ timeout: 1_000 });
    }, 20_000, 250);
    expect(await row(state.draftExternalId).textContent()).toMatch(/weight/i);
    expect(await row(state.draftExternalId).textContent()).toContain('MISSING_WEIGHT');
    await screenshot(page, '05-drafts');
  });

  it('adds the weight, sees the reasons recomputed, finalises, and sees the placed order with its service and price', async () => {
    await page.getByRole('link', { name: `Open draft ${state.draftExternalId}` }).click();
    await heading(`Draft ${state.draftExternalId}`).waitFor();
    await page.getByRole('heading', { name: 'Why this is a draft' }).waitFor();
    await screenshot(page, '06-draft');

    await page.getByLabel('Weight', { exact: true }).fill('2.5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Nothing is missing any more').waitFor();
    await page.getByRole('heading', { name: 'Nothing is missing: ready to Finalize' }).waitFor();

    await page.getByRole('button', { name: 'Finalize' }).click();
    await heading(`Order ${state.draftExternalId}`).waitFor();
    await page.getByText('Finalized: the order is placed.').waitFor();
    const summary = page.getByRole('region', { name: 'Summary' });
    expect(await summary.textContent()).toContain('RUSH_2H');
    expect(await summary.textContent()).toContain('$12.50');
    // The browser runs in Tokyo; the client is in New York: times read in the client's timezone.
    expect(await summary.textContent()).toMatch(/E[SD]T/);
    await screenshot(page, '07-order');

    await nav('Orders').click();
    await heading('Orders').waitFor();
    await page.getByLabel('Status').selectOption('PLACED');
    await row(state.draftExternalId).filter({ hasText: 'RUSH_2H' }).filter({ hasText: '$12.50' }).waitFor();
    expect(page.url()).toContain('status=PLACED');
    await screenshot(page, '08-orders');
  });

  it('replays a rejected event once the client has a default pickup', async () => {
    // A client without Rates and Services: a dropoff-only order without a default pickup is refused.
    const corner = await courier.api.post('/v1/clients', { name: 'Corner Store', timezone: 'Europe/London', units: 'kg' });
    state.cornerId = corner.body.id;
    await courier.api.put(`/v1/clients/${state.cornerId}/integration-settings`, { orderCreationEnabled: true, serviceSelectionRule: null });
    const connection = (await courier.api.post(`/v1/clients/${state.cornerId}/connections`, { platform: 'generic', name: 'Till' })).body;
    const event = genericEvent({ pickup: null });
    state.rejectedExternalId = event.order.externalId;
    await deliver(connection, event);

    await nav('Integration events').click();
    await heading('Integration events').waitFor();
    await page.getByLabel('Client').selectOption({ label: 'Corner Store' });
    const rejected = row(state.rejectedExternalId).filter({ hasText: 'REJECTED' });
    await eventually(async () => {
      await page.reload();
      await rejected.waitFor({ timeout: 1_000 });
    }, 20_000, 250);
    expect(await rejected.textContent()).toMatch(/pickup/i);
    await screenshot(page, '09-integration-events');

    await nav('Clients').click();
    await page.getByRole('button', { name: 'Edit Corner Store' }).click();
    const form = page.getByRole('form', { name: 'Edit Corner Store' });
    await form.getByLabel('Has a default pickup address').check();
    await form.getByLabel('Address line 1').fill('1 Warehouse Way');
    await form.getByLabel('City').fill('London');
    await form.getByLabel('Postal code').fill('E1 6AN');
    await form.getByLabel('Country').fill('GB');
    await form.getByLabel('Contact name').fill('Dock Manager');
    await form.getByRole('button', { name: 'Save client' }).click();
    await page.getByText('Corner Store was saved.').waitFor();

    await nav('Integration events').click();
    await page.getByLabel('Client').selectOption({ label: 'Corner Store' });
    await rejected.getByRole('button', { name: /^Replay event/ }).click();
    await rejected.getByText('Replay queued').waitFor();
    // The gateway processes the replay again with today's configuration (its delivery-replays worker): an order now.
    await eventually(async () => {
      await page.reload();
      await row(state.rejectedExternalId).filter({ hasText: 'PLACED' }).filter({ hasText: 'A replay of an earlier entry' }).waitFor({ timeout: 1_000 });
    }, 30_000, 500);
  });

  it('answers the last courier key’s revocation with the API’s 409 in words', async () => {
    await nav('API keys').click();
    await heading('API keys').waitFor();
    const key = main().getByRole('row').filter({ hasText: 'Active' }).first();
    await key.getByRole('button', { name: 'Revoke' }).click();
    await key.getByRole('button', { name: 'Revoke key' }).click();
    const refusal = key.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('HTTP 409');
    await screenshot(page, '10-api-keys');
  });

  it('shows the Overview of the last 24 hours per client', async () => {
    await nav('Overview').click();
    await heading('Overview').waitFor();
    await page.getByRole('img', { name: 'Acme Shop: 1 placed, 0 drafts waiting, 0 rejected or failed' }).waitFor();
    // Its refused event stays in the log beside its replay, which (once processed) placed an order.
    await page.getByRole('img', { name: /^Corner Store: [01] placed, 0 drafts waiting, 1 rejected or failed$/ }).waitFor();
    await main().getByRole('row').filter({ hasText: 'Acme Shop' }).waitFor();
    await screenshot(page, '11-overview');
  });

  it('issues a client key that sees its own organisation only', async () => {
    await page.goto(`${consoleUrl}/clients/${state.acmeId}`);
    await heading('Integration Settings').waitFor();
    const keys = page.getByRole('form', { name: 'Create client key' });
    await keys.getByLabel('Key name (optional)').fill('Acme back office');
    await keys.getByRole('button', { name: 'Create client key' }).click();
    const issued = page.getByRole('region', { name: 'Key issued' });
    state.clientKey = await issued.getByLabel('API key', { exact: true }).inputValue();
    expect(state.clientKey.length).toBeGreaterThan(10);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading('Sign in').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.goto(consoleUrl);
    await page.getByLabel('API key').fill(state.clientKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading('Integration Settings').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clients/${state.acmeId}`);
    const links = await page.getByRole('navigation', { name: 'Console' }).getByRole('link').allTextContents();
    expect(links).toEqual(['Integration Settings', 'Drafts', 'Orders', 'Integration events']);
    await main().getByRole('listitem', { name: 'Connection Main store' }).waitFor();
    await row('Acme back office').waitFor();
    expect(await main().textContent()).not.toContain('Order creation');
    await screenshot(page, '12-client-integration-settings');

    await nav('Orders').click();
    await row(state.draftExternalId).waitFor();
    expect(await main().textContent()).not.toContain(state.rejectedExternalId);
    await screenshot(page, '13-client-orders');

    await page.goto(`${consoleUrl}/clients/${state.cornerId}`);
    const notFound = page.getByRole('alert').filter({ hasText: 'Loading the client failed' });
    await notFound.waitFor();
    expect(await notFound.textContent()).toContain('HTTP 404');
    expect(await main().textContent()).not.toContain('Corner Store');

    await page.goto(`${consoleUrl}/clients`);
    await heading('Integration Settings').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clients/${state.acmeId}`);
  });
});

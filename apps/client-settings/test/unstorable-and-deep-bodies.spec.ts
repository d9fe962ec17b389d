import { errorShapeProblem, sendRaw, ServiceUnderTest, startServiceForTest, TEST_OPERATOR_TOKEN } from '@portal/service-kit/testing';
import { clientSettingsService } from '../src/client-settings.service';

// Explicit cases of two kinds of bad input on a JSON API (the fuzz spec sends them too, among many).
// A JSON API's caller can correct and resend, so text PostgreSQL cannot store is refused with a 400
// naming the field rather than silently rewritten; nesting past 64 levels is refused as unreadable.
describe('a JSON API given unstorable text or deep nesting (client settings)', () => {
  let service: ServiceUnderTest<unknown>;
  let courierKey: string;

  const post = (path: string, body: string, token = courierKey) =>
    sendRaw(service.url ?? '', { method: 'POST', path, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const clients = async (): Promise<string[]> => {
    const res = await sendRaw(service.url ?? '', { method: 'GET', path: '/v1/clients', headers: { authorization: `Bearer ${courierKey}` } });
    return JSON.parse(res.text).items.map((c: { name: string }) => c.name);
  };

  beforeAll(async () => {
    service = await startServiceForTest(clientSettingsService, { label: 'cstext', http: true });
    const created = await post('/v1/couriers', JSON.stringify({ name: 'Text Couriers' }), TEST_OPERATOR_TOKEN);
    courierKey = JSON.parse(created.text).apiKey;
  });

  afterAll(async () => {
    await service?.stop();
  });

  it.each([
    ['a lone high surrogate', '"Flowers \\ud800"', 'unpaired UTF-16 surrogate'],
    ['a lone low surrogate', '"\\udc00 Flowers"', 'unpaired UTF-16 surrogate'],
    ['a NUL character', '"Flo\\u0000wers"', 'NUL character'],
  ])('refuses %s with a 400 naming the field, and creates nothing', async (_label, name, reason) => {
    const answer = await post('/v1/clients', `{"name":${name},"timezone":"America/New_York","units":"kg","defaultPickup":{"address":{"line1":${name},"city":"NYC","postalCode":"10001","country":"US"},"contact":{"name":"Dock"}}}`);
    expect(answer.status).toBe(400);
    expect(errorShapeProblem(answer)).toBeNull();
    const { error } = JSON.parse(answer.text);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      { path: 'name', message: expect.stringContaining(reason) },
      { path: 'defaultPickup.address.line1', message: expect.stringContaining(reason) },
    ]);
    expect(await clients()).toEqual([]);
  });

  it('keeps a proper surrogate pair (an emoji) as it is', async () => {
    expect((await post('/v1/clients', '{"name":"Flowers \\ud83c\\udf37","timezone":"America/New_York","units":"kg"}')).status).toBe(201);
    expect(await clients()).toEqual(['Flowers \u{1F337}']);
  });

  it.each([
    ['arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['arrays, as a field', `{"name":${'['.repeat(10_000) + ']'.repeat(10_000)},"timezone":"UTC","units":"kg"}`],
  ])('refuses a body nested 10,000 levels of %s with a 400', async (_kind, body) => {
    for (const path of ['/v1/clients', '/v1/couriers']) {
      const answer = await post(path, body, path === '/v1/couriers' ? TEST_OPERATOR_TOKEN : courierKey);
      expect(answer.status).toBe(400);
      expect(errorShapeProblem(answer)).toBeNull();
      expect(JSON.parse(answer.text).error).toMatchObject({ code: 'INVALID_JSON', message: 'The body nests deeper than 64 levels.' });
    }
  });
});

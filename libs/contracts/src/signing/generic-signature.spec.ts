import { createHmac } from 'node:crypto';
import { genericSignatureDigest, parseGenericSignature, signGenericPayload } from './generic-signature';

describe('generic signature', () => {
  const secret = 'whsec_example';
  const body = '{"id":"evt_01"}';

  it('is the hex HMAC-SHA256 of "<t>.<raw body>"', () => {
    const expected = createHmac('sha256', secret).update(`1795537930.${body}`).digest('hex');
    expect(signGenericPayload(secret, body, 1795537930)).toBe(`t=1795537930,v1=${expected}`);
    expect(genericSignatureDigest(secret, 1795537930, Buffer.from(body))).toBe(expected);
  });

  it('reads the timestamp and every v1 value, ignoring unknown schemes', () => {
    const a = 'a'.repeat(64);
    const b = 'B'.repeat(64);
    expect(parseGenericSignature(`t=12, v1=${a},v0=zzz,v1=${b}`)).toEqual({ timestamp: 12, signatures: [a, b.toLowerCase()] });
  });

  it.each(['', 'v1=' + 'a'.repeat(64), 't=12', 't=abc,v1=' + 'a'.repeat(64), 't=12,v1=short'])('rejects %j', (header) => {
    expect(parseGenericSignature(header)).toBeNull();
  });
});

import { KeyLockout, LOCKOUT_POLICY, verifySignature } from '../../src/emulator/auth';

// Published vector 1 of research/dis-api.md §4b: the official APIG signing guide
// (support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-algorithm-002.html and -003.html).
const VECTOR = {
  method: 'GET',
  path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
  query: 'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  headers: {
    'content-type': 'application/json',
    host: 'service.region.example.com',
    'x-sdk-date': '20191115T033655Z',
    authorization:
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, ' +
      'Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
  },
  payload: new Uint8Array(0),
};
const KEYS = { QTWAOYTTINDUT2QVKYUC: { secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' } };
const SIGNED_AT = Date.parse('2019-11-15T03:36:55Z');

describe('verifySignature on the published APIG vector', () => {
  const verify = (req: typeof VECTOR, now = SIGNED_AT) =>
    verifySignature(req, (ak) => KEYS[ak as keyof typeof KEYS], new KeyLockout(() => now), now);

  it('accepts the documented request', () => {
    expect(verify(VECTOR)).toEqual({ ok: true, accessKey: 'QTWAOYTTINDUT2QVKYUC' });
  });

  it('accepts the same request 14 minutes later but not 16', () => {
    expect(verify(VECTOR, SIGNED_AT + 14 * 60_000).ok).toBe(true);
    expect(verify(VECTOR, SIGNED_AT + 16 * 60_000)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('15 minutes'),
    });
  });

  it.each([
    ['the query', { ...VECTOR, query: 'limit=3&marker=13551d6b-755d-4757-b956-536f674975c0' }],
    ['the path', { ...VECTOR, path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/subnets' }],
    ['the method', { ...VECTOR, method: 'DELETE' }],
    ['a signed header', { ...VECTOR, headers: { ...VECTOR.headers, host: 'evil.example.com' } }],
    ['the body', { ...VECTOR, payload: new TextEncoder().encode('{}') }],
  ])('rejects the request when %s changes', (_what, req) => {
    expect(verify(req)).toMatchObject({ ok: false, reason: 'verify aksk signature fail' });
  });

  it('names a signed header that is missing from the request', () => {
    const headers: Record<string, string> = { ...VECTOR.headers };
    delete headers.host;
    expect(verify({ ...VECTOR, headers } as never)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('host'),
    });
  });
});

describe('KeyLockout', () => {
  let now = 0;
  const lockout = () => new KeyLockout(() => now);

  it('locks on the sixth consecutive failure, for five minutes, per key', () => {
    const l = lockout();
    for (let i = 1; i <= LOCKOUT_POLICY.maxConsecutiveFailures; i++) expect(l.fail('AK1')).toBe(false);
    expect(l.lockedForMs('AK1')).toBe(0);
    expect(l.fail('AK1')).toBe(true);
    expect(l.lockedForMs('AK1')).toBe(5 * 60 * 1000);
    expect(l.lockedForMs('AK2')).toBe(0);
    now += 5 * 60 * 1000;
    expect(l.lockedForMs('AK1')).toBe(0);
    // After the lock the count starts again.
    expect(l.fail('AK1')).toBe(false);
  });

  it('starts counting again after a success', () => {
    const l = lockout();
    for (let i = 0; i < 5; i++) l.fail('AK1');
    l.succeed('AK1');
    expect(l.fail('AK1')).toBe(false);
  });

  it('forgets everything on clear', () => {
    const l = lockout();
    for (let i = 0; i < 6; i++) l.fail('AK1');
    l.clear();
    expect(l.lockedForMs('AK1')).toBe(0);
  });
});

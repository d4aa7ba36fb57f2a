import { DisEmulator } from '../../src/emulator/dis-emulator';
import { LOCKOUT_POLICY } from '../../src/emulator/auth';
import { officialSign } from '../contract/official-signer';
import { call, DEMO } from './http-call';

const LIST = `/v2/${DEMO.projectId}/streams/orders/transfer-tasks`;

describe('AK/SK verification against the official SDK signer', () => {
  let now = Date.now();
  let emu: DisEmulator;
  beforeAll(async () => {
    emu = await DisEmulator.start({
      clock: () => now,
      scenario: {
        domain: { id: 'd1', name: 'demo-domain' },
        projects: [
          { id: DEMO.projectId, name: 'cn-north-4', region: 'cn-north-4', streams: [{ name: 'orders' }] },
        ],
        credentials: {
          accessKeys: [
            { accessKey: DEMO.ak, secretKey: DEMO.sk },
            {
              accessKey: 'TEMPAK00000000000001',
              secretKey: 'temp-secret-key-000000',
              securityToken: 'sts-token-1',
            },
            {
              accessKey: 'OLDTEMPAK00000000001',
              secretKey: 'old-temp-secret-000000',
              securityToken: 'sts-token-0',
              expiresAt: '2020-01-01T00:00:00Z',
            },
          ],
        },
      },
    });
  });
  beforeEach(async () => {
    now = Date.now();
    await emu.reset();
  });
  afterAll(() => emu.stop());

  const signed = (overrides: Partial<Parameters<typeof officialSign>[0]> = {}) =>
    officialSign({
      url: `${emu.url}${LIST}`,
      method: 'GET',
      ak: DEMO.ak,
      sk: DEMO.sk,
      projectId: DEMO.projectId,
      ...overrides,
    });

  it('accepts a GET signed by the official SDK', async () => {
    const res = await call(emu.url, 'GET', LIST, { headers: signed().headers });
    expect(res.status).toBe(200);
    expect(emu.requests[0].credentialKind).toBe('aksk');
  });

  it('accepts a signed POST whose body hash the SDK computed', async () => {
    const path = `/v2/${DEMO.projectId}/streams/orders/transfer-tasks/action`;
    const data = { action: 'stop', tasks: [{ id: 'nope' }] };
    const s = officialSign({ url: `${emu.url}${path}`, method: 'POST', ak: DEMO.ak, sk: DEMO.sk, data });
    const res = await call(emu.url, 'POST', path, s);
    // Authenticated: the business error (unknown task id), not a gateway 401.
    expect(res.json).toEqual({ errorCode: 'DIS.4354', message: 'The transfer task does not exist.' });
  });

  it('rejects a body changed after signing', async () => {
    const path = `/v2/${DEMO.projectId}/streams/orders/transfer-tasks/action`;
    const s = officialSign({
      url: `${emu.url}${path}`,
      method: 'POST',
      ak: DEMO.ak,
      sk: DEMO.sk,
      data: { action: 'stop' },
    });
    const res = await call(emu.url, 'POST', path, { headers: s.headers, body: '{"action":"start"}' });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      error_code: 'APIGW.0301',
      error_msg: expect.stringContaining('signature'),
    });
  });

  it('rejects a signature made with another secret key, without echoing any secret', async () => {
    const res = await call(emu.url, 'GET', LIST, {
      headers: signed({ sk: 'wrong-secret-key-00000' }).headers,
    });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(DEMO.sk);
    expect(res.text).not.toContain('wrong-secret-key');
    expect((res.json as { request_id: string }).request_id).toBe(res.headers['x-request-id']);
  });

  it('verifies exactly the signed headers: an unsigned header may change, a signed one may not', async () => {
    const { headers } = signed();
    const extra = await call(emu.url, 'GET', LIST, { headers: { ...headers, 'x-unsigned': 'anything' } });
    expect(extra.status).toBe(200);
    const changed = await call(emu.url, 'GET', LIST, {
      headers: { ...headers, 'X-Project-Id': 'f'.repeat(32) },
    });
    expect(changed.status).toBe(401);
  });

  it('requires x-sdk-date among the signed headers', async () => {
    const { headers } = signed();
    const auth = headers.Authorization.replace(
      /SignedHeaders=[^,]+/,
      'SignedHeaders=content-type;host;x-project-id',
    );
    const res = await call(emu.url, 'GET', LIST, { headers: { ...headers, Authorization: auth } });
    expect(res.status).toBe(401);
    expect((res.json as { error_msg: string }).error_msg).toContain('x-sdk-date');
  });

  it('rejects a clock skew over 15 minutes and accepts one just under', async () => {
    const { headers } = signed();
    now += 15 * 60 * 1000 + 2000;
    const late = await call(emu.url, 'GET', LIST, { headers });
    expect(late.status).toBe(401);
    expect((late.json as { error_msg: string }).error_msg).toContain('15 minutes');
    now -= 4000;
    expect((await call(emu.url, 'GET', LIST, { headers })).status).toBe(200);
  });

  it('requires X-Security-Token for a temporary key', async () => {
    const temp = { ak: 'TEMPAK00000000000001', sk: 'temp-secret-key-000000' };
    expect((await call(emu.url, 'GET', LIST, { headers: signed(temp).headers })).status).toBe(401);
    const wrong = signed({ ...temp, securityToken: 'sts-token-2' });
    expect((await call(emu.url, 'GET', LIST, { headers: wrong.headers })).status).toBe(401);
    const right = signed({ ...temp, securityToken: 'sts-token-1' });
    expect((await call(emu.url, 'GET', LIST, { headers: right.headers })).status).toBe(200);
  });

  it('rejects an expired temporary key even when correctly signed', async () => {
    const res = await call(emu.url, 'GET', LIST, {
      headers: signed({
        ak: 'OLDTEMPAK00000000001',
        sk: 'old-temp-secret-000000',
        securityToken: 'sts-token-0',
      }).headers,
    });
    expect(res.status).toBe(401);
    expect((res.json as { error_msg: string }).error_msg).toContain('expired');
  });

  it('locks a key for five minutes after more than five consecutive failures', async () => {
    const bad = signed({ sk: 'wrong-secret-key-00000' }).headers;
    for (let i = 0; i < LOCKOUT_POLICY.maxConsecutiveFailures + 1; i++) {
      expect((await call(emu.url, 'GET', LIST, { headers: bad })).status).toBe(401);
    }
    const locked = await call(emu.url, 'GET', LIST, { headers: signed().headers });
    expect(locked.status).toBe(401);
    expect((locked.json as { error_msg: string }).error_msg).toContain('locked');
    // The SDK stamps the real time, five minutes behind the advanced clock: within the skew window.
    now += LOCKOUT_POLICY.lockMs + 1;
    expect((await call(emu.url, 'GET', LIST, { headers: signed().headers })).status).toBe(200);
  });

  it('does not lock a key whose failures are interrupted by a success', async () => {
    const bad = signed({ sk: 'wrong-secret-key-00000' }).headers;
    for (let i = 0; i < LOCKOUT_POLICY.maxConsecutiveFailures; i++)
      await call(emu.url, 'GET', LIST, { headers: bad });
    expect((await call(emu.url, 'GET', LIST, { headers: signed().headers })).status).toBe(200);
    for (let i = 0; i < LOCKOUT_POLICY.maxConsecutiveFailures; i++)
      await call(emu.url, 'GET', LIST, { headers: bad });
    expect((await call(emu.url, 'GET', LIST, { headers: signed().headers })).status).toBe(200);
  });

  it('rejects an unknown access key and a malformed Authorization header', async () => {
    expect(
      (await call(emu.url, 'GET', LIST, { headers: signed({ ak: 'UNKNOWNAK00000000000' }).headers })).status,
    ).toBe(401);
    const res = await call(emu.url, 'GET', LIST, { headers: { Authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error_code: 'APIGW.0301' });
  });
});

import { DisEmulator } from '../../src/emulator/dis-emulator';
import { RequestLog } from '../../src/emulator/server';
import { call, DEMO, useDemoEmulator } from './http-call';

const P = `/v2/${DEMO.projectId}`;
const TOKEN = { 'X-Auth-Token': DEMO.token };
const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';

describe('serving a request', () => {
  const demo = useDemoEmulator();

  it('puts X-Request-Id on every response, success or error', async () => {
    const ok = await call(demo.emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN });
    const bad = await call(demo.emu.url, 'GET', '/v9/nothing');
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(ok.headers['x-request-id']).not.toBe(bad.headers['x-request-id']);
  });

  describe('the gateway in front', () => {
    it.each([
      ['GET', '/v2'],
      ['DELETE', `${P}/streams/orders/transfer-tasks`],
      ['PUT', `${P}/streams`],
      ['GET', '/_emulator/requests'],
    ])('answers %s %s with 404 APIGW.0101', async (method, path) => {
      const res = await call(demo.emu.url, method, path, { headers: TOKEN });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({
        error_code: 'APIGW.0101',
        error_msg: expect.any(String),
        request_id: res.headers['x-request-id'],
      });
    });

    it('answers a request without credentials with 401 APIGW.0301', async () => {
      const res = await call(demo.emu.url, 'GET', `${P}/streams/orders/transfer-tasks`);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error_code: 'APIGW.0301' });
    });

    it('answers an unknown token with 401, and an unknown project with 400 DIS.4117', async () => {
      const bad = await call(demo.emu.url, 'GET', `${P}/streams`, {
        headers: { 'X-Auth-Token': 'not-a-token' },
      });
      expect(bad.status).toBe(401);
      expect(bad.text).not.toContain('not-a-token');
      const unknown = await call(demo.emu.url, 'GET', `/v2/${OTHER_PROJECT}/streams`, { headers: TOKEN });
      expect(unknown.status).toBe(400);
      expect(unknown.json).toMatchObject({ errorCode: 'DIS.4117' });
    });
  });

  describe('request log', () => {
    it('records method, path, route, status, credential kind and timing, and never a secret', async () => {
      await call(demo.emu.url, 'GET', `${P}/streams/orders/transfer-tasks?secret=${DEMO.token}`, {
        headers: TOKEN,
      });
      await call(demo.emu.url, 'POST', '/v3/auth/tokens', {
        body: JSON.stringify({ auth: { password: DEMO.password } }),
      });
      await call(demo.emu.url, 'GET', '/nothing');
      const log = await demo.emu.requestLog();
      expect(log.map((e) => [e.seq, e.method, e.route, e.status, e.credentialKind])).toEqual([
        [1, 'GET', 'ListTransferTasks', 200, 'token'],
        [2, 'POST', 'KeystoneCreateUserTokenByPassword', 400, 'password'],
        [3, 'GET', 'unknown', 404, 'none'],
      ]);
      expect(log[0].path).toBe(`${P}/streams/orders/transfer-tasks`);
      expect(log[0].receivedAt).toBe(demo.now);
      expect(log[0].durationMs).toBeGreaterThanOrEqual(0);
      const text = JSON.stringify(log);
      for (const secret of [DEMO.token, DEMO.password, DEMO.sk]) expect(text).not.toContain(secret);
    });
  });
});

describe('request bodies', () => {
  it('answers a body over the 12 MB the gateway accepts with 400 DIS.4200', async () => {
    const emu = await DisEmulator.start();
    try {
      const res = await call(emu.url, 'POST', `${P}/streams/orders/transfer-tasks/action`, {
        headers: TOKEN,
        body: 'x'.repeat(12 * 1024 * 1024 + 1),
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ errorCode: 'DIS.4200', message: expect.stringContaining('exceeds') });
    } finally {
      await emu.stop();
    }
  });
});

const entry = (path: string) => ({
  method: 'GET',
  path,
  route: 'ListStreams' as const,
  status: 200,
  credentialKind: 'token' as const,
  requestId: 'r',
  receivedAt: 0,
  durationMs: 1,
});

describe('RequestLog', () => {
  it('numbers entries and keeps only the newest `capacity`, numbering on', () => {
    const log = new RequestLog(2);
    for (const p of ['/a', '/b', '/c']) log.add(entry(p));
    expect(log.list().map((e) => [e.seq, e.path])).toEqual([
      [2, '/b'],
      [3, '/c'],
    ]);
  });

  it('hands out copies and restarts at 1 after clear', () => {
    const log = new RequestLog(5);
    log.add(entry('/a'));
    log.list().pop();
    expect(log.list()).toHaveLength(1);
    log.clear();
    log.add(entry('/b'));
    expect(log.list()).toEqual([{ seq: 1, ...entry('/b') }]);
  });
});

describe('RequestLog as a ring', () => {
  it('keeps order across many wraps', () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 10; i++) log.add(entry(`/${i}`));
    expect(log.list().map((e) => e.path)).toEqual(['/8', '/9', '/10']);
    expect(log.list().map((e) => e.seq)).toEqual([8, 9, 10]);
  });
});

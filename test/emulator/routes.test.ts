import { DisEmulator } from '../../src/emulator/dis-emulator';
import { matchRoute } from '../../src/emulator/routes';
import { call, DEMO } from './http-call';

const P = '/v2/0123456789abcdef0123456789abcdef';

describe('matchRoute', () => {
  it.each([
    ['GET', `${P}/streams/orders/transfer-tasks`, 'ListTransferTasks'],
    ['GET', `${P}/streams/orders/transfer-tasks/`, 'ListTransferTasks'],
    ['GET', `${P}/streams/orders/transfer-tasks/t1`, 'ShowTransferTask'],
    ['POST', `${P}/streams/orders/transfer-tasks/action`, 'BatchTransferTaskAction'],
    ['GET', `${P}/streams`, 'ListStreams'],
    ['GET', '/v3/projects', 'KeystoneListProjects'],
    ['POST', '/v3/auth/tokens', 'KeystoneCreateUserTokenByPassword'],
  ])('routes %s %s to %s', (method, path, route) => {
    expect(matchRoute(method, path, false)?.route).toBe(route);
  });

  it('decodes path parameters', () => {
    expect(matchRoute('GET', `${P}/streams/my%2Dstream/transfer-tasks/t%5F1`, false)?.params).toEqual({
      projectId: '0123456789abcdef0123456789abcdef',
      streamName: 'my-stream',
      taskName: 't_1',
    });
  });

  it('treats method and path as one key, like the gateway', () => {
    expect(matchRoute('POST', `${P}/streams`, false)).toBeUndefined();
    expect(matchRoute('DELETE', `${P}/streams/orders/transfer-tasks/t1`, false)).toBeUndefined();
  });

  it('refuses a malformed percent-encoding instead of throwing', () => {
    expect(matchRoute('GET', `${P}/streams/%E0%A4%A/transfer-tasks`, false)).toBeUndefined();
  });

  it('serves admin routes only when enabled', () => {
    expect(matchRoute('POST', '/_emulator/reset', false)).toBeUndefined();
    expect(matchRoute('POST', '/_emulator/reset', true)).toEqual({
      route: 'Admin',
      params: { action: 'reset' },
    });
  });
});

const LIST = `/v2/${DEMO.projectId}/streams/orders/transfer-tasks`;
const TOKEN = { 'X-Auth-Token': DEMO.token };

describe('admin routes', () => {
  let emu: DisEmulator;
  beforeAll(async () => {
    emu = await DisEmulator.start({ admin: true });
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  const admin = (action: string, body: unknown = {}) =>
    call(emu.url, 'POST', `/_emulator/${action}`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('drive the same control surface over HTTP (the log read does not list itself)', async () => {
    expect(
      (await admin('set-task-state', { streamName: 'orders', taskName: 'orders-to-dli', state: 'PAUSED' }))
        .status,
    ).toBe(200);
    const listed = await call(emu.url, 'GET', LIST, { headers: TOKEN });
    expect((listed.json as { tasks: { state: string }[] }).tasks[1].state).toBe('PAUSED');
    expect((await admin('fault', { kind: 'disThrottle', onRequests: [1] })).status).toBe(200);
    expect((await call(emu.url, 'GET', LIST, { headers: TOKEN })).status).toBe(400);
    const log = await admin('requests');
    expect((log.json as { requests: { route: string }[] }).requests.map((r) => r.route)).toEqual([
      'Admin',
      'ListTransferTasks',
      'Admin',
      'ListTransferTasks',
    ]);
    expect((await admin('reset', {})).status).toBe(200);
    expect((await emu.requestLog()).map((r) => r.route)).toEqual(['Admin']);
  });

  it('report bad input as 400 with the reason', async () => {
    const res = await admin('set-task-state', { streamName: 'orders', taskName: 'nope', state: 'PAUSED' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'DIS_EMULATOR_STATE' });
    expect((await admin('add-task', { streamName: 'orders' })).status).toBe(400);
    expect((await admin('no-such-action', {})).status).toBe(404);
  });

  it.each<[string, string, Record<string, string>, number]>([
    ['a GET', 'GET', {}, 405],
    ['a preflight', 'OPTIONS', { origin: 'http://evil.example' }, 405],
    ['a form post', 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['a text/plain post (no preflight in a browser)', 'POST', { 'content-type': 'text/plain' }, 415],
    ['no content type', 'POST', {}, 415],
    ['a DNS-rebound Host', 'POST', { 'content-type': 'application/json', host: 'evil.example' }, 403],
    ['a foreign Origin', 'POST', { 'content-type': 'application/json', origin: 'http://evil.example' }, 403],
    ['an opaque Origin', 'POST', { 'content-type': 'application/json', origin: 'null' }, 403],
  ])('refuse %s and change nothing', async (_what, method, headers, status) => {
    const res = await call(emu.url, method, '/_emulator/set-task-state', {
      headers,
      body: JSON.stringify({ streamName: 'orders', taskName: 'orders-to-dli', state: 'PAUSED' }),
    });
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ code: 'DIS_EMULATOR_ADMIN', message: expect.any(String) });
    if (status === 405) expect(res.headers.allow).toBe('POST');
    const listed = await call(emu.url, 'GET', LIST, { headers: TOKEN });
    expect((listed.json as { tasks: { state: string }[] }).tasks.map((t) => t.state)).toEqual([
      'RUNNING',
      'RUNNING',
    ]);
  });

  it('accept a loopback Host and Origin, by name or address', async () => {
    const port = new URL(emu.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const res = await call(emu.url, 'POST', '/_emulator/clear-faults', {
        headers: { 'content-type': 'application/json; charset=utf-8', host, origin: `http://${host}` },
        body: '{}',
      });
      expect(res.status).toBe(200);
    }
  });
});

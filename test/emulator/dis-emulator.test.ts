import { DisEmulator } from '../../src/emulator/dis-emulator';
import { EmulatorScenarioError } from '../../src/emulator/errors';
import { loadScenario, shippedScenarioPath } from '../../src/emulator/load-scenario';
import { call, DEMO } from './http-call';

const P = `/v2/${DEMO.projectId}`;
const TOKEN = { 'X-Auth-Token': DEMO.token };
const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';

describe('DisEmulator', () => {
  let now = Date.parse('2026-11-28T12:00:00Z');
  let emu: DisEmulator;
  beforeAll(async () => {
    emu = await DisEmulator.start({ scenario: shippedScenarioPath('demo'), clock: () => now });
  });
  beforeEach(async () => {
    now = Date.parse('2026-11-28T12:00:00Z');
    await emu.reset();
  });
  afterAll(() => emu.stop());

  describe('starting', () => {
    it('binds 127.0.0.1 on a free port by default and serves the demo scenario without one', async () => {
      const other = await DisEmulator.start();
      try {
        expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(other.port).not.toBe(0);
        expect(other.endpointEnv).toEqual({ HW_DIS_ENDPOINT: other.url, HW_AUTH_URL: `${other.url}/v3` });
        const res = await call(other.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN });
        expect(res.status).toBe(200);
      } finally {
        await other.stop();
      }
    });

    it('refuses an invalid scenario with the path of the bad field', async () => {
      await expect(
        DisEmulator.start({
          scenario: {
            domain: { id: 'd', name: 'd' },
            projects: [{ id: 'XYZ', name: 'a', region: 'cn-north-4' }],
          },
        }),
      ).rejects.toThrow(EmulatorScenarioError);
      await expect(
        DisEmulator.start({
          scenario: {
            domain: { id: 'd', name: 'd' },
            projects: [{ id: 'XYZ', name: 'a', region: 'cn-north-4' }],
          },
        }),
      ).rejects.toMatchObject({ code: 'DIS_EMULATOR_SCENARIO_INVALID', fieldPath: 'projects[0].id' });
    });

    it('stops twice without error and then refuses connections', async () => {
      const other = await DisEmulator.start();
      await other.stop();
      await other.stop();
      await expect(call(other.url, 'GET', '/')).rejects.toThrow();
    });
  });

  describe('ListTransferTasks', () => {
    it('answers the seed example shape with the scenario values', async () => {
      const res = await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json).toEqual({
        total_number: 2,
        quota: 3,
        tasks: [
          {
            task_id: 'demoOrdersToObs0001',
            task_name: 'orders-to-obs',
            state: 'RUNNING',
            destination_type: 'OBS',
            create_time: 1764547260000,
            last_transfer_timestamp: now - 60_000,
          },
          {
            task_id: 'demoOrdersToDli0001',
            task_name: 'orders-to-dli',
            state: 'RUNNING',
            destination_type: 'DLI',
            create_time: 1764547320000,
            last_transfer_timestamp: now - 60_000,
          },
        ],
      });
    });

    it('answers an unknown stream with 400 DIS.4301, as the service does (not 404)', async () => {
      const res = await call(emu.url, 'GET', `${P}/streams/nope/transfer-tasks`, { headers: TOKEN });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ errorCode: 'DIS.4301', message: expect.stringContaining('[nope]') });
    });

    it('puts X-Request-Id on every response, success or error', async () => {
      const ok = await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN });
      const bad = await call(emu.url, 'GET', '/v9/nothing');
      expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      expect(ok.headers['x-request-id']).not.toBe(bad.headers['x-request-id']);
    });
  });

  describe('ShowTransferTask', () => {
    it('answers one task with its stream and destination description', async () => {
      const res = await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks/orders-to-obs`, {
        headers: TOKEN,
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        stream_name: 'orders',
        task_name: 'orders-to-obs',
        task_id: 'demoOrdersToObs0001',
        state: 'RUNNING',
        destination_type: 'OBS',
        obs_destination_description: expect.objectContaining({ obs_bucket_path: expect.any(String) }),
      });
    });

    it('answers an unknown task with 400 DIS.4354', async () => {
      const res = await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks/nope`, { headers: TOKEN });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ errorCode: 'DIS.4354', message: 'The transfer task does not exist.' });
    });
  });

  describe('BatchTransferTaskAction', () => {
    const action = (body: unknown) =>
      call(emu.url, 'POST', `${P}/streams/orders/transfer-tasks/action`, {
        headers: { ...TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const states = async () =>
      (
        (await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN })).json as {
          tasks: { task_name: string; state: string; last_transfer_timestamp: number }[];
        }
      ).tasks;

    it('stops tasks by id (PAUSED, last transfer frozen) and starts them again (RUNNING)', async () => {
      expect((await action({ action: 'stop', tasks: [{ id: 'demoOrdersToDli0001' }] })).status).toBe(200);
      now += 3_600_000;
      const paused = (await states()).find((t) => t.task_name === 'orders-to-dli')!;
      expect(paused.state).toBe('PAUSED');
      expect(paused.last_transfer_timestamp).toBe(now - 3_600_000 - 60_000);
      expect((await action({ action: 'start', tasks: [{ id: 'demoOrdersToDli0001' }] })).status).toBe(200);
      expect((await states()).find((t) => t.task_name === 'orders-to-dli')!.state).toBe('RUNNING');
    });

    it('starts through STARTING when the scenario sets startingMs', async () => {
      let clock = Date.parse('2026-11-28T12:00:00Z');
      const slow = await DisEmulator.start({
        scenario: { ...loadScenario(shippedScenarioPath('demo-paused')), startingMs: 30_000 },
        clock: () => clock,
      });
      try {
        const path = `${P}/streams/orders/transfer-tasks`;
        const start = await call(slow.url, 'POST', `${path}/action`, {
          headers: TOKEN,
          body: JSON.stringify({ action: 'start', tasks: [{ id: 'demoOrdersToDli0001' }] }),
        });
        expect(start.status).toBe(200);
        const stateOf = async () =>
          ((await call(slow.url, 'GET', path, { headers: TOKEN })).json as { tasks: { state: string }[] })
            .tasks[1].state;
        expect(await stateOf()).toBe('STARTING');
        clock += 30_000;
        expect(await stateOf()).toBe('RUNNING');
      } finally {
        await slow.stop();
      }
    });

    it('changes nothing when one id is unknown', async () => {
      const res = await action({ action: 'stop', tasks: [{ id: 'demoOrdersToDli0001' }, { id: 'nope' }] });
      expect(res.json).toMatchObject({ errorCode: 'DIS.4354' });
      expect((await states()).every((t) => t.state === 'RUNNING')).toBe(true);
    });

    it('answers a malformed body with 400 DIS.4200', async () => {
      expect((await action({ action: 'pause', tasks: [] })).json).toMatchObject({ errorCode: 'DIS.4200' });
      const notJson = await call(emu.url, 'POST', `${P}/streams/orders/transfer-tasks/action`, {
        headers: TOKEN,
        body: '{',
      });
      expect(notJson.status).toBe(400);
      expect(notJson.json).toMatchObject({ errorCode: 'DIS.4200' });
    });
  });

  describe('ListStreams', () => {
    it('pages with limit and start_stream_name, in name order', async () => {
      const streams = Array.from({ length: 5 }, (_, i) => ({ name: `s${i}` }));
      const many = await DisEmulator.start({
        scenario: {
          domain: { id: 'd', name: 'd' },
          projects: [
            { id: DEMO.projectId, name: 'cn-north-4', region: 'cn-north-4', streams: streams.reverse() },
          ],
          credentials: { tokens: [{ token: DEMO.token }] },
        },
      });
      try {
        const page1 = await call(many.url, 'GET', `${P}/streams?limit=2`, { headers: TOKEN });
        expect(page1.json).toMatchObject({
          total_number: 5,
          stream_names: ['s0', 's1'],
          has_more_streams: true,
        });
        const page3 = await call(many.url, 'GET', `${P}/streams?limit=2&start_stream_name=s3`, {
          headers: TOKEN,
        });
        expect(page3.json).toMatchObject({ total_number: 5, stream_names: ['s4'], has_more_streams: false });
        const all = await call(many.url, 'GET', `${P}/streams`, { headers: TOKEN });
        expect((all.json as { stream_info_list: unknown[] }).stream_info_list).toHaveLength(5);
      } finally {
        await many.stop();
      }
    });

    it.each(['0', '101', 'ten', '1.5'])('refuses limit=%s with 400 DIS.4200', async (limit) => {
      const res = await call(emu.url, 'GET', `${P}/streams?limit=${limit}`, { headers: TOKEN });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ errorCode: 'DIS.4200' });
    });
  });

  describe('the gateway in front', () => {
    it.each([
      ['GET', '/v2'],
      ['DELETE', `${P}/streams/orders/transfer-tasks`],
      ['PUT', `${P}/streams`],
      ['GET', '/_emulator/requests'],
    ])('answers %s %s with 404 APIGW.0101', async (method, path) => {
      const res = await call(emu.url, method, path, { headers: TOKEN });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({
        error_code: 'APIGW.0101',
        error_msg: expect.any(String),
        request_id: res.headers['x-request-id'],
      });
    });

    it('answers a request without credentials with 401 APIGW.0301', async () => {
      const res = await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks`);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error_code: 'APIGW.0301' });
    });

    it('answers an unknown token with 401, and an unknown project with 400 DIS.4117', async () => {
      const bad = await call(emu.url, 'GET', `${P}/streams`, { headers: { 'X-Auth-Token': 'not-a-token' } });
      expect(bad.status).toBe(401);
      expect(bad.text).not.toContain('not-a-token');
      const unknown = await call(emu.url, 'GET', `/v2/${OTHER_PROJECT}/streams`, { headers: TOKEN });
      expect(unknown.status).toBe(400);
      expect(unknown.json).toMatchObject({ errorCode: 'DIS.4117' });
    });
  });

  describe('IAM', () => {
    const tokenBody = (password: string, project: Record<string, string> = { name: DEMO.region }) =>
      JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: DEMO.user, password, domain: { name: DEMO.domain } } },
          },
          scope: { project },
        },
      });

    it('issues a token in X-Subject-Token with 201 and its expiry; the token then works until it expires', async () => {
      const res = await call(emu.url, 'POST', '/v3/auth/tokens', { body: tokenBody(DEMO.password) });
      expect(res.status).toBe(201);
      const token = res.headers['x-subject-token'] as string;
      expect(token).toMatch(/^emu-/);
      expect(res.text).not.toContain(token);
      expect(res.json).toMatchObject({
        token: {
          expires_at: '2026-11-29T12:00:00.000000Z',
          methods: ['password'],
          project: { id: DEMO.projectId, name: DEMO.region },
        },
      });
      expect(
        (await call(emu.url, 'GET', `${P}/streams`, { headers: { 'X-Auth-Token': token } })).status,
      ).toBe(200);
      now += 24 * 3600 * 1000;
      const expired = await call(emu.url, 'GET', `${P}/streams`, { headers: { 'X-Auth-Token': token } });
      expect(expired.status).toBe(401);
      expect(expired.json).toMatchObject({ error_code: 'APIGW.0301' });
    });

    it('refuses a wrong password with 401 in the Keystone shape, without echoing it', async () => {
      const res = await call(emu.url, 'POST', '/v3/auth/tokens', { body: tokenBody('guess-0000') });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: { code: 401, title: 'Unauthorized', message: expect.any(String) } });
      expect(res.text).not.toContain('guess-0000');
      expect(res.headers['x-subject-token']).toBeUndefined();
    });

    it('refuses a body without a project scope with 400', async () => {
      const res = await call(emu.url, 'POST', '/v3/auth/tokens', { body: '{"auth":{}}' });
      expect(res.status).toBe(400);
    });

    it('lists projects by name for a credential', async () => {
      const res = await call(emu.url, 'GET', '/v3/projects?name=cn-north-4', { headers: TOKEN });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        projects: [{ id: DEMO.projectId, name: 'cn-north-4', enabled: true }],
      });
      const none = await call(emu.url, 'GET', '/v3/projects?name=eu-west-101', { headers: TOKEN });
      expect((none.json as { projects: unknown[] }).projects).toEqual([]);
    });
  });

  describe('project scoping', () => {
    it('shows a credential only the projects granted to it (403 DIS.4116 otherwise)', async () => {
      const scoped = await DisEmulator.start({
        scenario: {
          domain: { id: 'd', name: 'd' },
          projects: [
            { id: DEMO.projectId, name: 'cn-north-4', region: 'cn-north-4', streams: [{ name: 'orders' }] },
            { id: OTHER_PROJECT, name: 'cn-east-3', region: 'cn-east-3', streams: [{ name: 'orders' }] },
          ],
          credentials: { tokens: [{ token: 'scoped-token', projects: [DEMO.projectId] }] },
        },
      });
      try {
        const headers = { 'X-Auth-Token': 'scoped-token' };
        expect(
          (await call(scoped.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers })).status,
        ).toBe(200);
        const denied = await call(scoped.url, 'GET', `/v2/${OTHER_PROJECT}/streams/orders/transfer-tasks`, {
          headers,
        });
        expect(denied.status).toBe(403);
        expect(denied.json).toMatchObject({ errorCode: 'DIS.4116' });
        const projects = await call(scoped.url, 'GET', '/v3/projects', { headers });
        expect((projects.json as { projects: { id: string }[] }).projects.map((p) => p.id)).toEqual([
          DEMO.projectId,
        ]);
      } finally {
        await scoped.stop();
      }
    });
  });

  describe('control API', () => {
    const list = async () =>
      (await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN })).json as {
        total_number: number;
        quota: number;
        tasks: { task_name: string; state: string; task_id: string }[];
      };

    it('changes a task state, adds and removes tasks, and resets to the scenario', async () => {
      await emu.setTaskState('orders', 'orders-to-dli', 'ABNORMAL');
      await emu.addTask('orders', { taskName: 'orders-to-dws', state: 'STARTING', destinationType: 'DWS' });
      await emu.removeTask('orders', 'orders-to-obs');
      let body = await list();
      expect(body.tasks.map((t) => [t.task_name, t.state])).toEqual([
        ['orders-to-dli', 'ABNORMAL'],
        ['orders-to-dws', 'STARTING'],
      ]);
      expect(body.tasks[1].task_id).toMatch(/^[A-Za-z0-9]{19}$/);
      expect(body.quota).toBe(3);
      await emu.reset();
      body = await list();
      expect(body.tasks.map((t) => t.task_name)).toEqual(['orders-to-obs', 'orders-to-dli']);
      expect(emu.requests).toHaveLength(1);
    });

    it('serves unknown states as they are (the lookup must flag them, not crash)', async () => {
      await emu.setTaskState('orders', 'orders-to-dli', 'FROZEN');
      expect((await list()).tasks[1].state).toBe('FROZEN');
    });

    it('refuses control calls that name nothing, saying what exists', async () => {
      await expect(emu.setTaskState('orders', 'nope', 'PAUSED')).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
        message: expect.stringContaining('orders-to-obs, orders-to-dli'),
      });
      await expect(emu.removeTask('nope', 'x')).rejects.toMatchObject({ code: 'DIS_EMULATOR_STATE' });
      await expect(
        emu.setTaskState('orders', 'orders-to-obs', 'PAUSED', OTHER_PROJECT),
      ).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
      });
      await expect(
        emu.addTask('orders', { taskName: 'bad name!', state: 'RUNNING', destinationType: 'OBS' }),
      ).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
        message: expect.stringContaining('taskName'),
      });
      await expect(
        emu.addTask('orders', { taskName: 'orders-to-obs', state: 'RUNNING', destinationType: 'OBS' }),
      ).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
      });
    });

    it('refuses a sixth task: a stream holds at most five', async () => {
      for (const n of [3, 4, 5])
        await emu.addTask('orders', { taskName: `t${n}`, state: 'RUNNING', destinationType: 'OBS' });
      expect((await list()).quota).toBe(0);
      await expect(
        emu.addTask('orders', { taskName: 't6', state: 'RUNNING', destinationType: 'OBS' }),
      ).rejects.toMatchObject({
        code: 'DIS_EMULATOR_STATE',
        message: expect.stringContaining('quota'),
      });
    });
  });

  describe('request log', () => {
    it('records method, path, route, status, credential kind and timing, and never a secret', async () => {
      await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks?secret=${DEMO.token}`, {
        headers: TOKEN,
      });
      await call(emu.url, 'POST', '/v3/auth/tokens', {
        body: JSON.stringify({ auth: { password: DEMO.password } }),
      });
      await call(emu.url, 'GET', '/nothing');
      const log = await emu.requestLog();
      expect(log.map((e) => [e.seq, e.method, e.route, e.status, e.credentialKind])).toEqual([
        [1, 'GET', 'ListTransferTasks', 200, 'token'],
        [2, 'POST', 'KeystoneCreateUserTokenByPassword', 400, 'password'],
        [3, 'GET', 'unknown', 404, 'none'],
      ]);
      expect(log[0].path).toBe(`${P}/streams/orders/transfer-tasks`);
      expect(log[0].receivedAt).toBe(now);
      expect(log[0].durationMs).toBeGreaterThanOrEqual(0);
      const text = JSON.stringify(log);
      for (const secret of [DEMO.token, DEMO.password, DEMO.sk]) expect(text).not.toContain(secret);
    });
  });
});

describe('DisEmulator inputs', () => {
  it('starts a shipped scenario by name', async () => {
    const emu = await DisEmulator.start({ scenario: 'demo-paused' });
    try {
      const res = await call(emu.url, 'GET', `${P}/streams/orders/transfer-tasks`, { headers: TOKEN });
      expect((res.json as { tasks: { state: string }[] }).tasks.map((t) => t.state)).toEqual([
        'RUNNING',
        'PAUSED',
      ]);
    } finally {
      await emu.stop();
    }
  });

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

describe('DisEmulator listening', () => {
  it('explains a port already in use', async () => {
    const first = await DisEmulator.start();
    try {
      await expect(DisEmulator.start({ port: first.port })).rejects.toMatchObject({
        code: 'DIS_EMULATOR_LISTEN',
        message: expect.stringContaining('pick another one, or 0 for a free one'),
      });
    } finally {
      await first.stop();
    }
  });
});

import fullList from '../fixtures/api/list-transfer-tasks.full.json';
import { DisClient } from '../../src/client/dis-client';
import { DisConfigError } from '../../src/client/errors';
import { parseAuthorization } from '../../src/client/signing';
import { AKSK_ENV, DIS, IAM, mockSetup, PROJECT, recordTaskRequests, tasksPath } from './mock-env';

describe('DisClient.listTransferTasks', () => {
  test('returns camelCase tasks, quota and request id from a signed GET', async () => {
    // GIVEN
    const { agent, options } = mockSetup();
    const seen = recordTaskRequests(agent, 'orders', fullList, { headers: { 'x-request-id': 'req-1' } });
    // WHEN
    const result = await new DisClient(options).listTransferTasks('orders');
    // THEN
    expect(result).toEqual({
      totalNumber: 2,
      quota: 3,
      requestId: 'req-1',
      warnings: [],
      tasks: [
        {
          taskName: 'orders-to-obs',
          taskId: 'As805BudhcH1lDs6gbn',
          state: 'RUNNING',
          destinationType: 'OBS',
          createTime: 1606554932552,
          lastTransferTimestamp: 1606984428612,
        },
        { taskName: 'orders-to-dli', state: 'PAUSED', destinationType: 'DLI', createTime: 1606554932000 },
      ],
    });
    expect(parseAuthorization(seen[0].authorization)).toMatchObject({
      accessKey: AKSK_ENV.HW_ACCESS_KEY,
      signedHeaders: ['content-type', 'host', 'x-project-id', 'x-sdk-date'],
    });
    expect(seen[0]['x-project-id']).toBe(PROJECT);
    expect(seen[0]['user-agent']).toBe('cdktf-dis-transfer-tasks');
    agent.assertNoPendingInterceptors();
  });

  test('sends an IAM token as X-Auth-Token, unsigned', async () => {
    const { agent, options } = mockSetup({
      HW_REGION_NAME: 'cn-north-4',
      HW_PROJECT_ID: PROJECT,
      HW_AUTH_TOKEN: 'tok',
    });
    const seen = recordTaskRequests(agent, 'orders', { total_number: 0, tasks: [] });
    await new DisClient(options).listTransferTasks('orders');
    expect(seen[0]['x-auth-token']).toBe('tok');
    expect(seen[0].authorization).toBeUndefined();
  });

  test('passes unknown states and destination types through and warns about them and a wrong total', async () => {
    const { agent, options } = mockSetup();
    const task = { task_name: 't', state: 'FROZEN', destination_type: 'KAFKA', create_time: 1 };
    agent
      .get(DIS)
      .intercept({ path: tasksPath('orders'), method: 'GET' })
      .reply(200, { total_number: 2, tasks: [task] });
    const result = await new DisClient(options).listTransferTasks('orders');
    expect(result.tasks[0]).toMatchObject({ state: 'FROZEN', destinationType: 'KAFKA' });
    expect(result.warnings).toEqual([
      expect.stringContaining("state 'FROZEN'"),
      expect.stringContaining("destination type 'KAFKA'"),
      'total_number is 2 but the response listed 1 tasks',
    ]);
  });

  test.each([
    ['an empty name', ''],
    ['65 characters', 'a'.repeat(65)],
    ['a slash', 'a/b'],
    ['a dot', 'a.b'],
    ['unicode', 'strom-é'],
  ])('refuses a stream name with %s before any request', async (_what, name) => {
    const { options } = mockSetup(); // no interceptor: any request would fail differently
    const error = await new DisClient(options).listTransferTasks(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DisConfigError);
    expect((error as DisConfigError).field).toBe('streamName');
    expect((error as DisConfigError).message).toContain('1-64 characters of letters, digits');
  });
});

describe('DisClient.showTransferTask', () => {
  test('reads the destination description under any documented spelling', async () => {
    const { agent, options } = mockSetup();
    agent
      .get(DIS)
      .intercept({ path: `${tasksPath('orders')}/to-dws`, method: 'GET' })
      .reply(200, {
        stream_name: 'orders',
        task_name: 'to-dws',
        state: 'RUNNING',
        destination_type: 'DWS',
        create_time: 5,
        partitions: [{ partitionId: 'shardId-0000000000', state: 'RUNNING' }],
        dws_destination_descripton: { dws_database_name: 'db' },
      });
    const details = await new DisClient(options).showTransferTask('orders', 'to-dws');
    expect(details).toMatchObject({
      streamName: 'orders',
      taskName: 'to-dws',
      destinationDescription: { dws_database_name: 'db' },
      partitions: [{ partitionId: 'shardId-0000000000', state: 'RUNNING' }],
      warnings: [],
    });
  });

  test('refuses a bad task name, naming the field', async () => {
    const { options } = mockSetup();
    await expect(new DisClient(options).showTransferTask('orders', 'a b')).rejects.toMatchObject({
      code: 'DIS_CONFIG_ERROR',
      field: 'taskName',
    });
  });
});

describe('DisClient.listStreams', () => {
  test('follows has_more_streams with start_stream_name', async () => {
    const { agent, options } = mockSetup();
    const pool = agent.get(DIS);
    pool
      .intercept({ path: `/v2/${PROJECT}/streams?limit=100`, method: 'GET' })
      .reply(200, { total_number: 3, stream_names: ['a', 'b'], has_more_streams: true });
    pool
      .intercept({ path: `/v2/${PROJECT}/streams?limit=100&start_stream_name=b`, method: 'GET' })
      .reply(200, { total_number: 3, stream_names: ['c'], has_more_streams: false });
    expect(await new DisClient(options).listStreams()).toEqual(['a', 'b', 'c']);
    agent.assertNoPendingInterceptors();
  });

  test('stops with a coded error when paging makes no progress', async () => {
    const { agent, options } = mockSetup();
    agent
      .get(DIS)
      .intercept({ path: `/v2/${PROJECT}/streams?limit=100`, method: 'GET' })
      .reply(200, { stream_names: [], has_more_streams: true });
    await expect(new DisClient(options).listStreams()).rejects.toMatchObject({
      code: 'DIS_RESPONSE_INVALID',
      reason: 'PAGING_STALLED',
    });
  });
});

describe('DisClient.resolveTarget', () => {
  const noProject = { ...AKSK_ENV, HW_PROJECT_ID: undefined };

  test('asks IAM for the project named after the region, once', async () => {
    const { agent, options } = mockSetup(noProject);
    agent
      .get(IAM)
      .intercept({ path: '/v3/projects?name=cn-north-4', method: 'GET' })
      .reply(200, { projects: [{ id: PROJECT, name: 'cn-north-4' }] });
    const client = new DisClient(options);
    expect(await client.resolveTarget()).toEqual({ region: 'cn-north-4', projectId: PROJECT, endpoint: DIS });
    expect((await client.resolveTarget()).projectId).toBe(PROJECT);
    agent.assertNoPendingInterceptors();
  });

  test.each([
    [[], 'region', /IAM lists no project named 'cn-north-4' .*: check the region/],
    [
      [
        { id: PROJECT, name: 'cn-north-4' },
        { id: 'f'.repeat(32), name: 'cn-north-4' },
      ],
      'projectId',
      /IAM lists 2 projects named 'cn-north-4': set HW_PROJECT_ID/,
    ],
  ])(
    'refuses anything but exactly one project (%j) and never creates one',
    async (projects, field, message) => {
      const { agent, options } = mockSetup(noProject);
      agent
        .get(IAM)
        .intercept({ path: '/v3/projects?name=cn-north-4', method: 'GET' })
        .reply(200, { projects });
      const error = await new DisClient(options).resolveTarget().catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'DIS_CONFIG_ERROR',
        field,
        message: expect.stringMatching(message),
      });
      if (projects.length === 0) expect((error as Error).message).not.toContain('HW_PROJECT_ID');
    },
  );

  test('uses the European cloud domain for eu-west-1xx regions', async () => {
    const { options } = mockSetup({ ...AKSK_ENV, HW_REGION_NAME: 'eu-west-101' });
    expect((await new DisClient(options).resolveTarget()).endpoint).toBe(
      'https://dis.eu-west-101.myhuaweicloud.eu',
    );
  });

  test('takes HW_DIS_ENDPOINT and the project id from the SDK variable', async () => {
    const { options } = mockSetup({
      ...noProject,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      HW_DIS_ENDPOINT: 'https://dis.example.test/',
    });
    expect(await new DisClient(options).resolveTarget()).toEqual({
      region: 'cn-north-4',
      projectId: PROJECT,
      endpoint: 'https://dis.example.test',
    });
  });

  test('names the missing region variables', async () => {
    const { options } = mockSetup({ ...AKSK_ENV, HW_REGION_NAME: undefined });
    await expect(new DisClient(options).resolveTarget()).rejects.toThrow(
      /HW_REGION_NAME or HUAWEICLOUD_SDK_REGION_ID/,
    );
  });

  test('refuses a malformed project id, naming the variable', async () => {
    const { options } = mockSetup({ ...AKSK_ENV, HW_PROJECT_ID: 'cn-north-4' });
    await expect(new DisClient(options).resolveTarget()).rejects.toMatchObject({ field: 'HW_PROJECT_ID' });
  });

  test('refuses plain http to a remote host unless allowed', async () => {
    const env = { ...AKSK_ENV, HW_DIS_ENDPOINT: 'http://dis.example.test' };
    await expect(new DisClient(mockSetup(env).options).resolveTarget()).rejects.toMatchObject({
      field: 'HW_DIS_ENDPOINT',
    });
    const allowed = new DisClient({ ...mockSetup(env).options, allowInsecureHttp: true });
    expect((await allowed.resolveTarget()).endpoint).toBe('http://dis.example.test');
  });
});

describe('DisClient with a user name and password', () => {
  const env = {
    HW_REGION_NAME: 'cn-north-4',
    HW_USER_NAME: 'u',
    HW_PASSWORD: 'pw-canary',
    HW_DOMAIN_NAME: 'd',
  };

  test('exchanges them once for a token, takes the project from its scope and reuses it', async () => {
    const { agent, options } = mockSetup(env);
    const bodies: unknown[] = [];
    agent
      .get(IAM)
      .intercept({ path: '/v3/auth/tokens?nocatalog=true', method: 'POST' })
      .reply((req) => {
        bodies.push(JSON.parse(String(req.body)));
        return {
          statusCode: 201,
          data: { token: { expires_at: '2999-01-01T00:00:00.000000Z', project: { id: PROJECT } } },
          responseOptions: { headers: { 'x-subject-token': 'issued-token' } },
        };
      });
    const seen = recordTaskRequests(agent, 'orders', { total_number: 0, tasks: [] }, { times: 2 });
    const client = new DisClient(options);
    await client.listTransferTasks('orders');
    await client.listTransferTasks('orders');
    expect(bodies).toEqual([
      {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'u', password: 'pw-canary', domain: { name: 'd' } } },
          },
          scope: { project: { name: 'cn-north-4' } },
        },
      },
    ]);
    expect(seen.map((h) => h['x-auth-token'])).toEqual(['issued-token', 'issued-token']);
    agent.assertNoPendingInterceptors();
  });

  test('refreshes a token that is about to expire, scoped by the known project id', async () => {
    const { agent, options } = mockSetup({ ...env, HW_PROJECT_ID: PROJECT });
    const soon = new Date(Date.now() + 60_000).toISOString();
    const scopes: unknown[] = [];
    agent
      .get(IAM)
      .intercept({ path: '/v3/auth/tokens?nocatalog=true', method: 'POST' })
      .reply((req) => {
        scopes.push(JSON.parse(String(req.body)).auth.scope);
        return {
          statusCode: 201,
          data: { token: { expires_at: soon } },
          responseOptions: { headers: { 'x-subject-token': 'short' } },
        };
      })
      .times(2);
    agent
      .get(DIS)
      .intercept({ path: tasksPath('orders'), method: 'GET' })
      .reply(200, { total_number: 0, tasks: [] })
      .times(2);
    const client = new DisClient(options);
    await client.listTransferTasks('orders');
    await client.listTransferTasks('orders');
    agent.assertNoPendingInterceptors();
    // a known project id scopes the token exactly
    expect(scopes).toEqual([{ project: { id: PROJECT } }, { project: { id: PROJECT } }]);
  });
});

describe('a region typo (cn-north-9) says check the region', () => {
  const typo = { ...AKSK_ENV, HW_REGION_NAME: 'cn-north-9' };

  /** The message of a list whose DIS host, `origin`, does not resolve. */
  async function unresolved(env: Record<string, string>, origin: string): Promise<Error> {
    const { agent, options } = mockSetup(env);
    agent
      .get(origin)
      .intercept({ path: `/v2/${PROJECT}/streams/orders/transfer-tasks`, method: 'GET' })
      .replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }))
      .times(3);
    return (await new DisClient(options).listTransferTasks('orders').catch((e: unknown) => e)) as Error;
  }

  test('when the endpoint derived from it does not resolve', async () => {
    const error = await unresolved(typo, 'https://dis.cn-north-9.myhuaweicloud.com');
    expect(error).toMatchObject({ code: 'DIS_NETWORK_ERROR', causeCode: 'ENOTFOUND' });
    expect(error.message).toContain(
      "could not resolve dis.cn-north-9.myhuaweicloud.com, the endpoint of region 'cn-north-9' (ENOTFOUND): check the region",
    );
    expect(error.message).not.toContain('HW_PROJECT_ID');
  });

  test('but not when the endpoint was set explicitly', async () => {
    const error = await unresolved(
      { ...typo, HW_DIS_ENDPOINT: 'https://dis.example.test' },
      'https://dis.example.test',
    );
    expect(error.message).toContain('could not reach dis.example.test (ENOTFOUND');
    expect(error.message).toContain('check the endpoint');
  });
});

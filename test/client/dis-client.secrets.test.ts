import { createServer } from 'node:net';
import { inspect } from 'node:util';
import type { Interceptable } from 'undici';
import { DisClient, type DisClientOptions } from '../../src/client/dis-client';
import { MAX_BODY_BYTES } from '../../src/client/transport';
import { DIS, IAM, mockSetup, PROJECT, tasksPath } from './mock-env';

// Canary values: if any of them (or a signature) shows up in error output, a secret leaked.
const CANARY = {
  ak: 'CANARYAK0000000000AK',
  sk: 'canary-sk-9f3e1d2c4b5a69788796a5b4c3d2e1f0',
  st: 'canary-security-token-5c1f',
  token: 'canary-auth-token-7d2a',
  user: 'canary-user-3b9e',
  password: 'canary-password-8e4f',
  iamToken: 'canary-iam-issued-token-6a1c',
};
const SECRETS = Object.values(CANARY);

const AKSK = {
  HW_REGION_NAME: 'cn-north-4',
  HW_PROJECT_ID: PROJECT,
  HW_ACCESS_KEY: CANARY.ak,
  HW_SECRET_KEY: CANARY.sk,
  HW_SECURITY_TOKEN: CANARY.st,
};
const TOKEN = { HW_REGION_NAME: 'cn-north-4', HW_PROJECT_ID: PROJECT, HW_AUTH_TOKEN: CANARY.token };
const PASSWORD = {
  HW_REGION_NAME: 'cn-north-4',
  HW_USER_NAME: CANARY.user,
  HW_PASSWORD: CANARY.password,
  HW_DOMAIN_NAME: 'd',
};

/** A reply that echoes every request header back in the service message: the worst case. */
function echo(status: number, shape: 'native' | 'gateway' | 'keystone') {
  return (req: { headers?: unknown; body?: unknown }) => {
    const text = `${JSON.stringify(req.headers)} ${String(req.body ?? '')}`;
    const data =
      shape === 'native'
        ? { errorCode: status === 400 ? 'DIS.4301' : 'DIS.5000', message: text }
        : shape === 'gateway'
          ? { error_code: status === 429 ? 'APIGW.0308' : 'APIGW.0301', error_msg: text }
          : { error: { code: status, message: text } };
    return { statusCode: status, data };
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Case = [string, () => Promise<{ options: DisClientOptions; call: (c: DisClient) => Promise<unknown> }>];

const list = (c: DisClient) => c.listTransferTasks('orders');

/**
 * A case that lists the tasks of `orders`, where the request `method path` to `origin` (by default
 * that ListTransferTasks request) gets the answer `answer` sets up.
 */
function answered(
  env: Record<string, string | undefined>,
  answer: (request: ReturnType<Interceptable['intercept']>) => void,
  [origin, method, path] = [DIS, 'GET', tasksPath('orders')],
) {
  const { agent, options } = mockSetup(env);
  answer(agent.get(origin).intercept({ path, method }));
  return { options, call: list };
}

/** A reply that puts the credential headers into the error code and the X-Request-Id: only `details` would carry them. */
function echoIntoDetails(req: { headers?: unknown }) {
  const h = req.headers as Record<string, string>;
  const credential = h['x-auth-token'] ?? h.authorization ?? '';
  return {
    statusCode: 400,
    data: { errorCode: `${credential}|${h['x-security-token'] ?? ''}`, message: 'refused' },
    responseOptions: { headers: { 'x-request-id': `${credential} ${h['x-security-token'] ?? ''}` } },
  };
}

const cases: Case[] = [
  [
    'bad stream name',
    async () => ({ options: mockSetup(AKSK).options, call: (c) => c.listTransferTasks('bad name') }),
  ],
  [
    'half a key pair',
    async () => ({ options: mockSetup({ ...AKSK, HW_SECRET_KEY: undefined }).options, call: list }),
  ],
  [
    'no credentials',
    async () => ({ options: mockSetup({ HW_REGION_NAME: 'cn-north-4' }).options, call: list }),
  ],
  [
    'credentials inside the endpoint URL',
    async () => ({
      options: mockSetup({ ...AKSK, HW_DIS_ENDPOINT: `https://u:${CANARY.sk}@dis.test` }).options,
      call: list,
    }),
  ],
  [
    'a secret key pasted as the project id',
    async () => ({ options: mockSetup({ ...AKSK, HW_PROJECT_ID: CANARY.sk }).options, call: list }),
  ],
  ...(
    [
      [400, 'native'],
      [401, 'gateway'],
      [403, 'keystone'],
      [429, 'gateway'],
      [500, 'native'],
    ] as const
  ).flatMap(([status, shape]): Case[] =>
    [AKSK, TOKEN].map((env): Case => [
      `HTTP ${status} ${shape} echoing the headers (${env === AKSK ? 'AK/SK' : 'token'})`,
      async () => answered(env, (r) => r.reply(echo(status, shape)).times(3)),
    ]),
  ),
  [
    'IAM refusing the password, echoing the body',
    async () =>
      answered(PASSWORD, (r) => r.reply(echo(401, 'keystone')), [
        IAM,
        'POST',
        '/v3/auth/tokens?nocatalog=true',
      ]),
  ],
  [
    'IAM project lookup refused',
    async () =>
      answered({ ...AKSK, HW_PROJECT_ID: undefined }, (r) => r.reply(echo(403, 'gateway')), [
        IAM,
        'GET',
        '/v3/projects?name=cn-north-4',
      ]),
  ],
  ...[AKSK, TOKEN].map((env): Case => [
    `HTTP 400 echoing the credential into its error code and X-Request-Id (${env === AKSK ? 'AK/SK' : 'token'})`,
    async () => answered(env, (r) => r.reply(echoIntoDetails)),
  ]),
  [
    'the IAM token obtained with the password, echoed by DIS into details',
    async () => {
      const { agent, options } = mockSetup({ ...PASSWORD, HW_PROJECT_ID: PROJECT });
      agent
        .get(IAM)
        .intercept({ path: '/v3/auth/tokens?nocatalog=true', method: 'POST' })
        .reply(
          201,
          { token: { expires_at: '2999-01-01T00:00:00.000000Z', project: { id: PROJECT } } },
          { headers: { 'x-subject-token': CANARY.iamToken } },
        );
      agent
        .get(DIS)
        .intercept({ path: tasksPath('orders'), method: 'GET' })
        .reply(echoIntoDetails);
      return { options, call: list };
    },
  ],
  ['not JSON', async () => answered(AKSK, (r) => r.reply(200, `<p>${CANARY.token}</p>`))],
  [
    'wrong shape',
    async () =>
      answered(AKSK, (r) => r.reply(200, { total_number: CANARY.sk, tasks: [{ task_name: CANARY.token }] })),
  ],
  [
    'body too large',
    async () => answered(AKSK, (r) => r.reply(200, CANARY.sk.repeat(MAX_BODY_BYTES / CANARY.sk.length + 1))),
  ],
  [
    'socket error',
    async () =>
      answered(AKSK, (r) =>
        r.replyWithError(Object.assign(new Error(`reset ${CANARY.sk}`), { code: 'ECONNRESET' })).times(3),
      ),
  ],
  [
    'connection refused (real socket)',
    async () => {
      const port = await closedPort();
      return {
        options: {
          env: { ...AKSK, HW_DIS_ENDPOINT: `http://127.0.0.1:${port}` },
          retry: { sleep: async () => {} },
        },
        call: list,
      };
    },
  ],
  ['deadline', async () => answered(AKSK, (r) => r.reply(200, {}).delay(1000))],
];

describe('no secret in any error output', () => {
  test.each(cases)('%s', async (_name, make) => {
    // GIVEN canary secrets in the environment and a failing call
    const { options, call } = await make();
    const client = new DisClient({ ...options, deadlineMs: 50, attemptTimeoutMs: 40 });
    // WHEN
    const error = await call(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    // THEN it failed with a coded error …
    expect(error).toMatchObject({ code: expect.stringMatching(/^DIS_/) });
    // … and none of its renderings, nor the client's own, holds a secret or a signature
    const outputs = [
      (error as Error).message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: Infinity, showHidden: true }),
      (error as Error).stack ?? '',
      inspect(client, { depth: Infinity, showHidden: true }),
      JSON.stringify(client),
    ];
    for (const output of outputs) {
      for (const secret of SECRETS) expect(output).not.toContain(secret);
      expect(output).not.toMatch(/Signature=[0-9a-f]{8,}/);
    }
  });
});

// The cases of the hostile-server suite: what the server does, with which credentials and client
// settings, and what must come of it (the outcome, how many requests reached which port, a generous
// time bound). Every case of issue 11, and the misbehaviours that already held before it.
import type { DisClientOptions } from '../../src/client/dis-client';
import { CANARY, CREDENTIAL_ENV, type HostileStats, type HostileUrls, type Step } from './hostile';

/** Which counter of the server a case's request count reads. */
type Counter = keyof HostileStats;

/** What must come of a case. */
export interface Expected {
  /** The error code, or `ok` for a result. */
  readonly outcome: string;
  /** Fields the error must have (`causeCode`, `reason`, `kind`, …). */
  readonly fields?: Record<string, unknown>;
  /** Text the message must contain. */
  readonly says?: readonly (string | RegExp)[];
  /** Text the message must not contain. */
  readonly neverSays?: readonly (string | RegExp)[];
  /** Checks on a successful result. */
  readonly result?: (value: unknown) => void;
  /** Exactly how many requests reached the server, per counter. */
  readonly requests: Partial<Record<Counter, number>>;
  /** A generous bound on the call's duration, ms: a hang detector, not a speed assertion. */
  readonly boundMs: number;
}

/** One row of the table. */
export interface HostileCase {
  readonly name: string;
  /** Where it comes from: `11.x` (issue 11, item x), `12.5`, or `held` (held before issue 11). */
  readonly origin: string;
  readonly steps: readonly Step[];
  readonly iamSteps?: readonly Step[];
  readonly credentials: keyof typeof CREDENTIAL_ENV;
  /** Client options on top of the suite's defaults (endpoint, short timeouts). */
  readonly client?: (urls: HostileUrls) => Partial<DisClientOptions> & { env?: Record<string, string> };
  /** The call. @default listTransferTasks('orders') */
  readonly call?: 'list' | 'show' | 'streams';
  /** Aborts the client's signal once the first DIS request has reached the server. */
  readonly abortOnFirstRequest?: boolean;
  /**
   * Every attempt stalls (no answer, or one that never ends) and the deadline ends the call: the
   * client's timers and Date run on jest's fake clock, moved on by its attempt timeout each time a request
   * or a proxy connection reaches the server, so that the attempts and the deadline end the same
   * way however loaded the machine is.
   */
  readonly stalledAttempts?: { readonly attemptTimeoutMs: number };
  readonly expect: Expected;
}

const OK_BODY = {
  total_number: 1,
  tasks: [{ task_name: 'to-obs', state: 'RUNNING', destination_type: 'OBS', create_time: 1 }],
};
const ok: Step = { kind: 'json', status: 200, body: OK_BODY };
const json = (status: number, body: unknown, headers?: Record<string, string>): Step => ({
  kind: 'json',
  status,
  body,
  headers,
});
const task = (fields: Record<string, unknown>) => ({
  total_number: 1,
  tasks: [{ task_name: 'to-obs', state: 'RUNNING', destination_type: 'OBS', create_time: 1, ...fields }],
});
/** Hang-like cases: attempts of 400 ms within a 1,000 ms deadline. */
const shortTimes = () => ({ attemptTimeoutMs: 400, deadlineMs: 1000 });
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export const CASES: readonly HostileCase[] = [
  // ----- held before issue 11
  {
    name: 'bad JSON in a 200',
    origin: 'held',
    steps: [{ kind: 'raw', status: 200, text: '{"total_number":1,"tasks":[{"task_name":' }],
    credentials: 'token',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'NOT_JSON' },
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'a login page instead of JSON',
    origin: 'held',
    steps: [
      {
        kind: 'raw',
        status: 200,
        text: '<html><form action="/login">',
        headers: { 'content-type': 'text/html' },
      },
    ],
    credentials: 'aksk',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'NOT_JSON' },
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'the right fields with the wrong types',
    origin: 'held',
    steps: [json(200, { total_number: '1', tasks: [{ task_name: 42, state: true }] })],
    credentials: 'token',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'SCHEMA_MISMATCH' },
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'truncation: Content-Length says more than is sent',
    origin: 'held',
    steps: [{ kind: 'truncate' }],
    credentials: 'token',
    expect: {
      outcome: 'DIS_NETWORK_ERROR',
      fields: { causeCode: 'UND_ERR_SOCKET', attempts: 3 },
      requests: { requests: 3 },
      boundMs: 8000,
    },
  },
  {
    name: 'an endless body',
    origin: 'held',
    steps: [{ kind: 'endless' }],
    credentials: 'token',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'BODY_TOO_LARGE' },
      requests: { requests: 1 },
      boundMs: 8000,
    },
  },
  {
    name: 'a declared 16 MiB body',
    origin: 'held',
    steps: [{ kind: 'raw', status: 200, text: '{', headers: { 'content-length': String(16 * 1024 * 1024) } }],
    credentials: 'token',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'BODY_TOO_LARGE' },
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: '10,000 tasks (under 1 MiB)',
    origin: 'held',
    steps: [{ kind: 'tasks', count: 10_000 }],
    credentials: 'token',
    expect: {
      outcome: 'ok',
      result: (r) => expect((r as { tasks: unknown[] }).tasks).toHaveLength(10_000),
      requests: { requests: 1 },
      boundMs: 10_000,
    },
  },
  {
    name: 'every connection reset',
    origin: 'held',
    steps: [{ kind: 'reset' }],
    credentials: 'aksk',
    expect: {
      outcome: 'DIS_NETWORK_ERROR',
      fields: { attempts: 3 },
      requests: { requests: 3 },
      boundMs: 8000,
    },
  },
  {
    name: 'a reset, then an answer',
    origin: 'held',
    steps: [{ kind: 'reset' }, ok],
    credentials: 'aksk',
    expect: { outcome: 'ok', requests: { requests: 2 }, boundMs: 5000 },
  },
  ...(
    [
      ['a hang before the headers', 'hang'],
      ['a body that trickles forever', 'trickle'],
      ['headers that trickle forever', 'slowHeaders'],
    ] as const
  ).map(([name, kind]): HostileCase => ({
    name,
    origin: 'held',
    steps: [{ kind }],
    credentials: 'token',
    client: shortTimes,
    stalledAttempts: { attemptTimeoutMs: shortTimes().attemptTimeoutMs },
    expect: {
      outcome: 'DIS_NETWORK_ERROR',
      fields: { causeCode: 'DEADLINE_EXCEEDED' },
      says: ['at the 1000 ms deadline'],
      requests: { requests: 3 },
      boundMs: 10_000,
    },
  })),
  {
    name: 'a huge Retry-After (seconds)',
    origin: 'held',
    steps: [json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'retry-after': '999999999' })],
    credentials: 'token',
    expect: {
      outcome: 'DIS_API_ERROR',
      fields: { httpStatus: 429, kind: 'service' },
      says: ['the request was throttled'],
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'a huge Retry-After (a date in 2999)',
    origin: 'held',
    steps: [json(503, { error_code: 'APIGW.0203' }, { 'retry-after': 'Tue, 01 Jan 2999 00:00:00 GMT' })],
    credentials: 'token',
    expect: {
      outcome: 'DIS_API_ERROR',
      fields: { httpStatus: 503 },
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'a 302 redirect to another origin',
    origin: 'held',
    steps: [{ kind: 'redirect', status: 302 }],
    credentials: 'aksk',
    expect: {
      outcome: 'DIS_API_ERROR',
      fields: { httpStatus: 302 },
      requests: { requests: 1, other: 0 },
      boundMs: 5000,
    },
  },
  {
    name: 'a 307 redirect to another origin',
    origin: 'held',
    steps: [{ kind: 'redirect', status: 307 }],
    credentials: 'token',
    expect: {
      outcome: 'DIS_API_ERROR',
      fields: { httpStatus: 307 },
      requests: { requests: 1, other: 0 },
      boundMs: 5000,
    },
  },
  {
    name: 'an answer that is not HTTP',
    origin: 'held',
    steps: [{ kind: 'garbage' }],
    credentials: 'token',
    expect: {
      outcome: 'DIS_NETWORK_ERROR',
      fields: { causeCode: 'HTTPParserError' },
      says: ['does not match the HTTP/1.1 protocol'],
      neverSays: [CONTROL],
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: '503 three times',
    origin: 'held',
    steps: [json(503, { error_code: 'APIGW.0203', error_msg: 'Backend service unavailable' })],
    credentials: 'token',
    expect: {
      outcome: 'DIS_API_ERROR',
      fields: { retryable: true, attempts: 3 },
      requests: { requests: 3 },
      boundMs: 8000,
    },
  },
  {
    name: 'ListStreams says more follow but repeats its page',
    origin: 'held',
    steps: [json(200, { stream_names: ['a'], has_more_streams: true })],
    credentials: 'token',
    call: 'streams',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'PAGING_STALLED' },
      requests: { requests: 2 },
      boundMs: 5000,
    },
  },

  // ----- issue 11 item 1: names and values that would run or forge output
  {
    name: 'a task name holding a Terraform expression',
    origin: '11.1',
    steps: [json(200, task({ task_name: 'x${file("/etc/hostname")}' }))],
    credentials: 'token',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'INVALID_VALUE' },
      says: ["stream 'orders'", `tasks.0.task_name 'x\${file("/etc/hostname")}' is not valid`],
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'a task name forging a line (newline, escape codes)',
    origin: '11.1',
    steps: [json(200, task({ task_name: 'ok\n\u001b[32mGate PASSED\u001b[0m' }))],
    credentials: 'token',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'INVALID_VALUE' },
      says: ['\\n\\u001b[32mGate PASSED'],
      neverSays: [CONTROL, '\n'],
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'a state and a destination type that are not identifiers',
    origin: '11.11',
    steps: [json(200, task({ state: 'running', destination_type: 'OBS%{if true}' }))],
    credentials: 'token',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'INVALID_VALUE' },
      says: ["tasks.0.state 'running' is not valid", '(and 1 more)'],
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'a stream name from ListStreams that breaks the rule',
    origin: '11.1',
    steps: [json(200, { stream_names: ['ok', 'bad${x}'], has_more_streams: false })],
    credentials: 'token',
    call: 'streams',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'INVALID_VALUE' },
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'ShowTransferTask about another stream',
    origin: '11.1',
    steps: [json(200, { ...task({}).tasks[0], stream_name: 'someone-else' })],
    credentials: 'token',
    call: 'show',
    expect: {
      outcome: 'DIS_RESPONSE_INVALID',
      fields: { reason: 'INVALID_VALUE' },
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },

  // ----- issue 11 item 2: echoes of every credential kind, in every place an error carries
  ...(['token', 'aksk'] as const).flatMap((credentials): HostileCase[] => [
    {
      name: `echo of the ${credentials} in the message (400, DIS shape)`,
      origin: '11.2',
      steps: [{ kind: 'echo', status: 400, shape: 'native', into: ['message'], code: 'DIS.4301' }],
      credentials,
      expect: {
        outcome: 'DIS_API_ERROR',
        fields: { serviceCode: 'DIS.4301' },
        requests: { requests: 1 },
        boundMs: 5000,
      },
    },
    {
      name: `echo of the ${credentials} in the code and X-Request-Id (401, gateway shape)`,
      origin: '11.2',
      steps: [{ kind: 'echo', status: 401, shape: 'gateway', into: ['code', 'requestId', 'message'] }],
      credentials,
      expect: { outcome: 'DIS_AUTH_ERROR', requests: { requests: 1 }, boundMs: 5000 },
    },
    {
      name: `echo of the ${credentials} in three throttled answers`,
      origin: '11.2',
      steps: [
        { kind: 'echo', status: 429, shape: 'gateway', into: ['message', 'requestId'], code: 'APIGW.0308' },
      ],
      credentials,
      client: () => ({ retry: { throttledMinDelayMs: 10, baseDelayMs: 10 } }),
      expect: { outcome: 'DIS_API_ERROR', fields: { attempts: 3 }, requests: { requests: 3 }, boundMs: 8000 },
    },
    {
      name: `echo of the ${credentials} into a task name of a 200`,
      origin: '11.2',
      steps: [json(200, task({ task_name: credentials === 'token' ? CANARY.authToken : CANARY.accessKey }))],
      credentials,
      expect: {
        outcome: 'DIS_RESPONSE_INVALID',
        fields: { reason: 'INVALID_VALUE' },
        says: ['holds a credential value of this client'],
        requests: { requests: 1 },
        boundMs: 5000,
      },
    },
  ]),
  {
    name: 'echo of the password by IAM (401, Keystone shape)',
    origin: '11.2',
    steps: [ok],
    iamSteps: [{ kind: 'echo', status: 401, shape: 'keystone', into: ['message', 'code'] }],
    credentials: 'password',
    expect: { outcome: 'DIS_AUTH_ERROR', requests: { requests: 0, iamRequests: 1 }, boundMs: 5000 },
  },
  {
    name: 'echo of the IAM-issued token by DIS (403)',
    origin: '11.2',
    steps: [
      {
        kind: 'echo',
        status: 403,
        shape: 'native',
        into: ['message', 'code', 'requestId'],
        code: 'DIS.4116',
      },
    ],
    credentials: 'password',
    expect: { outcome: 'DIS_AUTH_ERROR', requests: { requests: 1, iamRequests: 1 }, boundMs: 5000 },
  },
  {
    name: 'control characters in the service code, message and request id',
    origin: '11.5',
    steps: [
      json(
        400,
        { errorCode: 'DIS.4301\u001b[2J', message: 'gone\r\nGate PASSED\u0007' },
        { 'x-request-id': 'r\u00851' },
      ),
    ],
    credentials: 'token',
    expect: {
      outcome: 'DIS_API_ERROR',
      says: ['\\u001b[2J', '\\r\\nGate PASSED'],
      neverSays: [CONTROL, '\n'],
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },

  // ----- issue 11 item 3: loopback never through a proxy
  {
    name: 'loopback target with HTTP_PROXY and HTTPS_PROXY set',
    origin: '11.3',
    steps: [ok],
    credentials: 'token',
    client: (urls) => ({ env: { HTTP_PROXY: urls.proxy, HTTPS_PROXY: urls.proxy } }),
    expect: { outcome: 'ok', requests: { requests: 1, connects: 0 }, boundMs: 5000 },
  },
  {
    name: 'the same proxy carries a non-loopback target (control)',
    origin: '11.3',
    steps: [ok],
    credentials: 'token',
    client: (urls) => ({
      endpoint: `http://dis.hostile.test:${new URL(urls.dis).port}`,
      allowInsecureHttp: true,
      env: { HTTP_PROXY: urls.proxy },
    }),
    expect: { outcome: 'ok', requests: { requests: 1, connects: 1 }, boundMs: 5000 },
  },

  // ----- issue 11 item 6: a proxy that never answers CONNECT
  {
    name: 'a proxy that never answers CONNECT',
    origin: '11.6',
    steps: [ok],
    credentials: 'token',
    client: (urls) => ({
      endpoint: 'https://dis.cn-north-4.myhuaweicloud.com',
      env: { HTTPS_PROXY: urls.silent },
      attemptTimeoutMs: 600,
      deadlineMs: 1500,
    }),
    stalledAttempts: { attemptTimeoutMs: 600 },
    expect: {
      outcome: 'DIS_NETWORK_ERROR',
      fields: { causeCode: 'DEADLINE_EXCEEDED' },
      says: ['at the 1500 ms deadline'],
      requests: { requests: 0, silentConnections: 3 },
      boundMs: 10_000,
    },
  },
  {
    name: 'the caller aborts during a hang',
    origin: '11.6',
    steps: [{ kind: 'hang' }],
    credentials: 'token',
    // only the caller's abort can end it: no attempt timeout or deadline comes first
    client: () => ({ attemptTimeoutMs: 60_000, deadlineMs: 60_000 }),
    abortOnFirstRequest: true,
    expect: {
      outcome: 'DIS_NETWORK_ERROR',
      fields: { causeCode: 'ABORTED' },
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },

  // ----- issue 11 item 7: a short deadline keeps its retries
  {
    name: 'resets under a deadline shorter than the attempt timeout',
    origin: '11.7',
    steps: [{ kind: 'reset' }, { kind: 'reset' }, ok],
    credentials: 'token',
    client: () => ({ attemptTimeoutMs: 10_000, deadlineMs: 3000 }),
    expect: { outcome: 'ok', requests: { requests: 3 }, boundMs: 5000 },
  },

  // ----- issue 11 item 8: throttling says throttling
  ...[429, 401, 403].map((status): HostileCase => ({
    name: `APIGW.0308 with HTTP ${status}`,
    origin: '11.8',
    steps: [
      json(status, { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' }),
    ],
    credentials: 'aksk',
    client: () => ({ retry: { throttledMinDelayMs: 10, baseDelayMs: 10 } }),
    expect: {
      outcome: 'DIS_API_ERROR',
      fields: { kind: 'service', retryable: true },
      says: ['the request was throttled'],
      neverSays: ['credentials were rejected', 'locked'],
      requests: { requests: 3 },
      boundMs: 8000,
    },
  })),

  // ----- issue 11 item 12: null where the SDK models allow it
  {
    name: 'null in every optional field',
    origin: '11.12',
    steps: [
      json(200, {
        total_number: null,
        quota: null,
        tasks: [{ ...task({}).tasks[0], task_id: null, last_transfer_timestamp: null }],
      }),
    ],
    credentials: 'token',
    expect: {
      outcome: 'ok',
      result: (r) =>
        expect(r).toMatchObject({ totalNumber: 1, tasks: [{ taskName: 'to-obs' }], warnings: [] }),
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },

  // ----- issue 11 item 14 and issue 12 item 5: what the messages say
  {
    name: 'DIS.4117, an invalid project id',
    origin: '11.14',
    steps: [json(400, { errorCode: 'DIS.4117', message: 'Invalid Project Id. [0123]' })],
    credentials: 'aksk',
    expect: {
      outcome: 'DIS_API_ERROR',
      fields: { kind: 'configuration' },
      says: ['the project id is not valid', 'check the region and the project id'],
      neverSays: ['credentials'],
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'a wrong password',
    origin: '12.5',
    steps: [ok],
    iamSteps: [
      json(401, {
        error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
      }),
    ],
    credentials: 'password',
    expect: {
      outcome: 'DIS_AUTH_ERROR',
      says: ['check the user name, password and account (domain) name'],
      neverSays: [/clock/i, /locked/i],
      requests: { requests: 0, iamRequests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'a refused signature',
    origin: '12.5',
    steps: [json(401, { error_code: 'APIGW.0301', error_msg: 'verify aksk signature fail' })],
    credentials: 'aksk',
    expect: {
      outcome: 'DIS_AUTH_ERROR',
      says: ['system clock', 'locked for 5 minutes'],
      requests: { requests: 1 },
      boundMs: 5000,
    },
  },
  {
    name: 'DIS.4309, a blocked IP, is never retried',
    origin: 'held',
    steps: [json(400, { errorCode: 'DIS.4309', message: 'Too many request failures.' })],
    credentials: 'token',
    expect: { outcome: 'DIS_AUTH_ERROR', says: ['stop retrying'], requests: { requests: 1 }, boundMs: 5000 },
  },
];

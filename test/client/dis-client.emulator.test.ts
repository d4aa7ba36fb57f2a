// DisClient against the DIS emulator running in a child process, over real HTTP on 127.0.0.1.
// One test per fault kind: a retried fault ends in success with the request count asserted; a
// fatal one ends in its coded error after exactly one request. No test depends on how fast the
// machine is: attempts that must succeed have the default attempt timeout (10 s), and the attempt
// timeout of a stalled answer (hang, latency) runs on jest's fake clock, moved on once the stalled
// request has been sent, so that only that attempt times out.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { setTimeout as realDelay } from 'node:timers/promises';
import { DisClient, type DisClientOptions } from '../../src/client/dis-client';
import { startEmulatorProcess, type EmulatorFault, type EmulatorHandle } from '../../src/emulator';
import { waitUntil } from './bounded';

const DEMO_AKSK = {
  HW_ACCESS_KEY: 'DEMOAK0000000000000A',
  HW_SECRET_KEY: 'demo-secret-key-0000000000000000000000000',
};

let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startEmulatorProcess();
});

afterAll(async () => {
  await emulator?.stop();
});

beforeEach(async () => {
  await emulator.reset();
});

function client(extra: Partial<DisClientOptions> = {}, env: Record<string, string> = DEMO_AKSK): DisClient {
  return new DisClient({
    env: { ...emulator.endpointEnv, HW_REGION_NAME: 'cn-north-4', ...env },
    // the retry's pause on the real clock, also while the attempt timeout runs on the fake one
    retry: { baseDelayMs: 5, throttledMinDelayMs: 5, sleep: (ms) => realDelay(ms) },
    ...extra,
  });
}

async function listRequests(): Promise<number> {
  return (await emulator.requestLog()).filter((r) => r.route === 'ListTransferTasks').length;
}

/**
 * The emulator logs a request when its answer ends, so a request the client abandoned (a delayed
 * answer) is logged after the call returned: waits until `expected` are logged, at most 10 s, and
 * fails saying how many were.
 */
async function settledListRequests(expected: number): Promise<number> {
  let n = 0;
  await waitUntil(
    async () => (n = await listRequests()) >= expected,
    10_000,
    () => `the emulator logged ${expected} ListTransferTasks requests (it logged ${n})`,
  );
  return n;
}

/**
 * Runs `call` with the client's timers on jest's fake clock and moves the clock on by
 * `attemptTimeoutMs` once, right after the first ListTransferTasks request was sent: that attempt
 * times out, whatever the machine's speed, and no later one can.
 */
async function withFirstAttemptTimedOut<T>(attemptTimeoutMs: number, call: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance', 'Date'],
  });
  let sent = 0;
  const onSend = (message: unknown) => {
    const { request } = message as { request: { path: string } };
    if (!request.path.includes('/transfer-tasks') || ++sent !== 1) return;
    // after undici has written the request (the message comes just before), outside its call stack
    setImmediate(() => jest.advanceTimersByTime(attemptTimeoutMs));
  };
  subscribe('undici:client:sendHeaders', onSend);
  const bound = new AbortController();
  try {
    return await Promise.race([
      call(),
      realDelay(10_000, undefined, { signal: bound.signal }).then(() => {
        throw new Error(`the call had not ended 10 s after its first attempt (${sent} sent) was timed out`);
      }),
    ]);
  } finally {
    bound.abort();
    unsubscribe('undici:client:sendHeaders', onSend);
    jest.useRealTimers();
  }
}
async function failOnce(fault: Omit<EmulatorFault, 'route' | 'onRequests'>): Promise<void> {
  await emulator.injectFault({ route: 'ListTransferTasks', onRequests: [1], ...fault });
}

describe('retried faults end in success', () => {
  test.each<[string, Omit<EmulatorFault, 'route' | 'onRequests'>]>([
    ['throttle (429 APIGW.0308 with Retry-After)', { kind: 'throttle', retryAfterSeconds: 0 }],
    ['serverError 500', { kind: 'serverError', status: 500 }],
    ['serverError 502', { kind: 'serverError', status: 502 }],
    ['serverError 503', { kind: 'serverError', status: 503 }],
    ['serverError 504', { kind: 'serverError', status: 504 }],
    ['disThrottle (400 DIS.4303)', { kind: 'disThrottle' }],
    ['connectionReset', { kind: 'connectionReset' }],
    ['truncatedBody', { kind: 'truncatedBody' }],
  ])('%s: retried once, then the tasks', async (_name, fault) => {
    // GIVEN the first ListTransferTasks request fails
    await failOnce(fault);
    // WHEN
    const result = await client().listTransferTasks('orders');
    // THEN
    expect(result.tasks.map((t) => t.taskName).sort()).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(await listRequests()).toBe(2);
  });

  test.each<[string, Omit<EmulatorFault, 'route' | 'onRequests'>]>([
    ['hang (headers, then no more of the body)', { kind: 'hang' }],
    ['latency beyond the attempt timeout (no answer yet)', { kind: 'latency', latencyMs: 500 }],
  ])('%s: the attempt times out, is retried once, then the tasks', async (_name, fault) => {
    // GIVEN the first ListTransferTasks request stalls
    await failOnce(fault);
    // WHEN its attempt times out
    const c = client({ attemptTimeoutMs: 1000 });
    const result = await withFirstAttemptTimedOut(1000, () => c.listTransferTasks('orders'));
    await c.close();
    // THEN
    expect(result.tasks.map((t) => t.taskName).sort()).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(await settledListRequests(2)).toBe(2);
    expect((await emulator.requestLog()).map((r) => r.fault)).toContain(fault.kind);
  });

  test('latency within the attempt timeout is no failure at all', async () => {
    await failOnce({ kind: 'latency', latencyMs: 50 });
    await expect(client().listTransferTasks('orders')).resolves.toMatchObject({ totalNumber: 2 });
    expect(await listRequests()).toBe(1);
  });
});

describe('fatal faults end in a coded error after one request', () => {
  test.each<[string, Omit<EmulatorFault, 'route' | 'onRequests'>, object]>([
    ['invalidJson', { kind: 'invalidJson' }, { code: 'DIS_RESPONSE_INVALID', reason: 'NOT_JSON' }],
    ['wrongTypes', { kind: 'wrongTypes' }, { code: 'DIS_RESPONSE_INVALID', reason: 'SCHEMA_MISMATCH' }],
    [
      'oversizedBody',
      { kind: 'oversizedBody', oversizedBytes: 2 * 1024 * 1024 },
      { code: 'DIS_RESPONSE_INVALID', reason: 'BODY_TOO_LARGE' },
    ],
  ])('%s', async (_name, fault, expected) => {
    await failOnce(fault);
    await expect(client().listTransferTasks('orders')).rejects.toMatchObject(expected);
    expect(await listRequests()).toBe(1);
  });

  test('a wrong secret key: DIS_AUTH_ERROR, never retried', async () => {
    const wrong = {
      ...DEMO_AKSK,
      HW_SECRET_KEY: 'not-the-secret',
      HW_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    };
    await expect(client({}, wrong).listTransferTasks('orders')).rejects.toMatchObject({
      code: 'DIS_AUTH_ERROR',
      httpStatus: 401,
    });
    expect(await listRequests()).toBe(1);
  });

  test('an unknown stream: DIS_API_ERROR DIS.4301 with the fix, never retried', async () => {
    await expect(client().listTransferTasks('nope')).rejects.toMatchObject({
      code: 'DIS_API_ERROR',
      serviceCode: 'DIS.4301',
      message: expect.stringContaining("stream 'nope' not found"),
    });
    expect(await listRequests()).toBe(1);
  });

  test('throttling on every attempt: gives up after three, with the attempt count', async () => {
    await emulator.injectFault({ route: 'ListTransferTasks', kind: 'disThrottle' });
    await expect(client().listTransferTasks('orders')).rejects.toMatchObject({
      code: 'DIS_API_ERROR',
      serviceCode: 'DIS.4303',
      attempts: 3,
    });
    expect(await listRequests()).toBe(3);
  });
});

describe('every credential kind against the emulator', () => {
  test.each([
    ['AK/SK (project from IAM)', DEMO_AKSK],
    ['HW_AUTH_TOKEN', { HW_AUTH_TOKEN: 'demo-token-0000' }],
    [
      'user name and password',
      { HW_USER_NAME: 'demo-user', HW_PASSWORD: 'demo-password-0000', HW_DOMAIN_NAME: 'demo-domain' },
    ],
  ])('%s: list, show and listStreams', async (_name, env) => {
    const c = client({}, env);
    expect((await c.resolveTarget()).projectId).toBe('0123456789abcdef0123456789abcdef');
    expect((await c.listTransferTasks('clicks')).tasks).toHaveLength(1);
    expect((await c.showTransferTask('orders', 'orders-to-obs')).destinationDescription).toMatchObject({
      obs_bucket_path: expect.any(String),
    });
    expect(await c.listStreams()).toEqual(['clicks', 'orders']);
  });
});

describe('a region typo against the emulator', () => {
  test.each([
    [
      'a key pair: IAM lists no project named after it',
      DEMO_AKSK,
      'DIS_CONFIG_ERROR',
      "IAM lists no project named 'cn-north-9'",
    ],
    [
      'a password: IAM refuses a token scoped to it',
      { HW_USER_NAME: 'demo-user', HW_PASSWORD: 'demo-password-0000', HW_DOMAIN_NAME: 'demo-domain' },
      'DIS_AUTH_ERROR',
      "and the region 'cn-north-9'",
    ],
  ])('says check the region, not set HW_PROJECT_ID (%s)', async (_what, env, code, says) => {
    const error = (await client({ region: 'cn-north-9' }, env)
      .listTransferTasks('orders')
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code });
    expect(error.message).toContain(says);
    expect(error.message).toContain('region');
    expect(error.message).not.toContain('set HW_PROJECT_ID');
    expect(error.message).not.toMatch(/clock|locked/);
  });
});

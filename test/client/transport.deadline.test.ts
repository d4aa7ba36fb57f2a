// How `exchange` spends its time: each attempt gets the attempt timeout or what is left of the
// deadline, whichever is shorter (and an attempt cut by the deadline is a deadline error, not
// retried); a retry is not started when its wait would reach the deadline; the caller's abort
// ends a wait at once. Jest's fake clock drives the timers (MockAgent's delayed answers included).
import { resolveRetryPolicy } from '../../src/client/retry';
import { exchange } from '../../src/client/transport';
import { exchangeSetup, PATH } from './exchange-mock';

const HOST = 'dis.cn-north-4.myhuaweicloud.com';

/** Settles with what `promise` resolves or rejects with; `pending` until then. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: unknown } = { settled: false };
  void promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, value: error }),
  );
  return state;
}

describe('the time each attempt gets', () => {
  beforeEach(() =>
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] }),
  );
  afterEach(() => jest.useRealTimers());

  test('an answer slower than the attempt timeout ends the attempt at attemptTimeoutMs, and the attempt is retried', async () => {
    const s = exchangeSetup({ attemptTimeoutMs: 1000, deadlineMs: 60_000, now: () => Date.now() });
    s.pool.intercept({ path: PATH, method: 'GET' }).reply(200, { ok: true }).delay(20_000).times(3);
    const call = track(exchange(s.options));
    await jest.advanceTimersByTimeAsync(999);
    expect(call.settled).toBe(false);
    expect(s.attempts()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(s.attempts()).toBe(2);
    await jest.advanceTimersByTimeAsync(2000);
    expect(call.settled).toBe(true);
    expect(call.value).toMatchObject({
      code: 'DIS_NETWORK_ERROR',
      causeCode: 'ATTEMPT_TIMEOUT',
      attempts: 3,
    });
    expect((call.value as Error).message).toBe(
      `DIS_NETWORK_ERROR: no complete answer from ${HOST} within 1000 ms: check the endpoint, the network ` +
        'and any proxy (HTTPS_PROXY/NO_PROXY) [ListTransferTasks, 3 attempts]',
    );
    expect(s.sleeps).toStrictEqual([50, 100]);
  });

  test('a deadline shorter than the attempt timeout ends the attempt at the deadline, as a deadline error, not retried', async () => {
    const s = exchangeSetup({ attemptTimeoutMs: 1000, deadlineMs: 300, now: () => Date.now() });
    s.pool.intercept({ path: PATH, method: 'GET' }).reply(200, { ok: true }).delay(20_000).times(3);
    const call = track(exchange(s.options));
    await jest.advanceTimersByTimeAsync(299);
    expect(call.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(call.settled).toBe(true);
    expect(call.value).toMatchObject({ causeCode: 'DEADLINE_EXCEEDED', attempts: 1 });
    expect((call.value as Error).message).toBe(
      `DIS_NETWORK_ERROR: gave up on ${HOST} at the 300 ms deadline: check the network and any proxy ` +
        '(HTTPS_PROXY/NO_PROXY), or raise deadlineMs [ListTransferTasks, 1 attempt]',
    );
    expect(s.attempts()).toBe(1);
  });

  test("the budget's deadline, when given, is the one that counts", async () => {
    const s = exchangeSetup({
      attemptTimeoutMs: 1000,
      deadlineMs: 60_000,
      now: () => Date.now(),
      budget: { deadlineAt: Date.now() + 200 },
    });
    s.pool.intercept({ path: PATH, method: 'GET' }).reply(200, { ok: true }).delay(20_000);
    const call = track(exchange(s.options));
    await jest.advanceTimersByTimeAsync(199);
    expect(call.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(call.value).toMatchObject({ causeCode: 'DEADLINE_EXCEEDED', attempts: 1 });
  });
});

describe('the wait before a retry', () => {
  test('a wait that would reach the deadline is not started: the failure is thrown after one attempt', async () => {
    // the first wait is 50 ms; the clock stands at 0
    const s = exchangeSetup({ deadlineMs: 50 });
    s.fail('ECONNRESET');
    s.answer(200, { ok: true });
    await expect(exchange(s.options)).rejects.toMatchObject({ causeCode: 'ECONNRESET', attempts: 1 });
    expect(s.sleeps).toStrictEqual([]);
  });

  test('a wait that ends before the deadline is taken, and the retry answers', async () => {
    const s = exchangeSetup({ deadlineMs: 51 });
    s.fail('ECONNRESET');
    s.answer(200, { ok: true });
    await expect(exchange(s.options)).resolves.toMatchObject({ attempts: 2 });
    expect(s.sleeps).toStrictEqual([50]);
  });

  test('the wait is measured from the clock at the time of the failure', async () => {
    // the clock reads 0 when the deadline is set, 30 afterwards: 30 + 50 passes a 60 ms deadline
    let reading = 0;
    const s = exchangeSetup({ deadlineMs: 60, now: () => (reading++ === 0 ? 0 : 30) });
    s.fail('ECONNRESET');
    s.answer(200, { ok: true });
    await expect(exchange(s.options)).rejects.toMatchObject({ causeCode: 'ECONNRESET', attempts: 1 });
  });

  test("the caller's abort during a wait ends the call at once with the last attempt's failure", async () => {
    const caller = new AbortController();
    const s = exchangeSetup({
      budget: { deadlineAt: 60_000, signal: caller.signal },
      retry: resolveRetryPolicy({
        random: () => 0.5,
        sleep: () => {
          caller.abort('stop');
          return new Promise<void>(() => undefined);
        },
      }),
    });
    s.answer(503, { error_code: 'APIGW.0503', error_msg: 'busy' });
    s.answer(200, { ok: true });
    await expect(exchange(s.options)).rejects.toMatchObject({
      code: 'DIS_API_ERROR',
      httpStatus: 503,
      serviceMessage: 'busy',
      attempts: 1,
    });
    expect(s.attempts()).toBe(1);
  });
});

// What every public call of DisClient runs inside (call-guard.ts): one budget with a deadline kept
// by a timer, the caller's signal forwarded, the fallback error when no inner step says more, the
// masking of secrets in what is thrown, and nothing left behind (timer, listener) once the call ends.
// Jest's fake clock drives the timer: no test waits for real time.
import { getEventListeners } from 'node:events';
import { guardCall, type GuardSettings } from '../../src/client/call-guard';
import { DisApiError } from '../../src/client/errors';
import type { CallBudget } from '../../src/client/transport';

const NOW = Date.parse('2026-11-28T10:00:00Z');

function settings(overrides: Partial<GuardSettings> = {}): GuardSettings {
  return {
    deadlineMs: 5000,
    deadlineHint: '--timeout',
    now: () => NOW,
    secrets: () => [],
    ...overrides,
  };
}

/** A call that never ends by itself and ignores its signal; it keeps the budget it was given. */
function stuckCall() {
  const seen: { budget?: CallBudget } = {};
  const call = (budget: CallBudget) => {
    seen.budget = budget;
    return new Promise<string>(() => undefined);
  };
  return { seen, call };
}

/** Resolves to what `promise` rejects with (or resolves to), handled at once so no rejection goes unseen. */
function outcome<T>(promise: Promise<T>): Promise<unknown> {
  return promise.then(
    (value) => value,
    (error: unknown) => error,
  );
}

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

describe('the budget a call gets', () => {
  test('its deadline is now + deadlineMs by the client clock, and its signal is not aborted yet', async () => {
    let budget: CallBudget | undefined;
    await guardCall('ListTransferTasks', settings({ now: () => 1000 }), async (b) => {
      budget = b;
      return 'done';
    });
    expect(budget?.deadlineAt).toBe(6000);
    expect(budget?.signal?.aborted).toBe(false);
  });

  test('its signal is aborted with the deadline reason at deadlineMs, not one millisecond before, and keeps no listener', async () => {
    const { seen, call } = stuckCall();
    const result = outcome(guardCall('ListTransferTasks', settings(), call));
    await jest.advanceTimersByTimeAsync(4999);
    expect(seen.budget?.signal?.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(seen.budget?.signal?.aborted).toBe(true);
    expect(seen.budget?.signal?.reason).toBe('DIS_CLIENT_DEADLINE');
    expect(getEventListeners(seen.budget!.signal!, 'abort')).toHaveLength(0);
    await jest.runAllTimersAsync();
    await result;
  });

  test("the caller's abort reaches the budget's signal with the caller's reason", async () => {
    const caller = new AbortController();
    const { seen, call } = stuckCall();
    const result = outcome(guardCall('ListTransferTasks', settings({ signal: caller.signal }), call));
    expect(seen.budget?.signal?.aborted).toBe(false);
    caller.abort('user pressed ctrl-c');
    expect(seen.budget?.signal?.reason).toBe('user pressed ctrl-c');
    await jest.runAllTimersAsync();
    await result;
  });

  test("a caller's signal aborted before the call makes the budget's signal aborted from the start", async () => {
    const { seen, call } = stuckCall();
    const result = outcome(
      guardCall('ListTransferTasks', settings({ signal: AbortSignal.abort('gone') }), call),
    );
    expect(seen.budget?.signal?.aborted).toBe(true);
    expect(seen.budget?.signal?.reason).toBe('gone');
    await jest.runAllTimersAsync();
    await result;
  });
});

describe('how a call ends when its steps say nothing', () => {
  test('at the deadline: a DisNetworkError DEADLINE_EXCEEDED whose fix names the caller’s setting', async () => {
    const { call } = stuckCall();
    const result = outcome(guardCall('ListTransferTasks', settings(), call));
    await jest.advanceTimersByTimeAsync(5000);
    // the fallback gives the steps one more turn (setImmediate) to say more
    await jest.runOnlyPendingTimersAsync();
    const error = await result;
    expect(error).toMatchObject({
      code: 'DIS_NETWORK_ERROR',
      causeCode: 'DEADLINE_EXCEEDED',
      details: { operation: 'ListTransferTasks', causeCode: 'DEADLINE_EXCEEDED' },
    });
    expect((error as Error).message).toBe(
      'DIS_NETWORK_ERROR: gave up on the call at the 5000 ms deadline: check the network and any proxy ' +
        '(HTTPS_PROXY/NO_PROXY), or raise --timeout [ListTransferTasks]',
    );
  });

  test('when the caller aborts: a DisNetworkError ABORTED that says so', async () => {
    const caller = new AbortController();
    const { call } = stuckCall();
    const result = outcome(guardCall('ListStreams', settings({ signal: caller.signal }), call));
    caller.abort(new Error('stop'));
    await jest.advanceTimersByTimeAsync(0);
    const error = await result;
    expect(error).toMatchObject({
      code: 'DIS_NETWORK_ERROR',
      causeCode: 'ABORTED',
      details: { operation: 'ListStreams', causeCode: 'ABORTED' },
    });
    expect((error as Error).message).toBe(
      'DIS_NETWORK_ERROR: the call was aborted by the caller [ListStreams]',
    );
  });

  test('when the caller aborted before the call: the same ABORTED error, without waiting for the deadline', async () => {
    const { call } = stuckCall();
    const result = outcome(guardCall('ListStreams', settings({ signal: AbortSignal.abort() }), call));
    await jest.advanceTimersByTimeAsync(0);
    expect(await result).toMatchObject({ code: 'DIS_NETWORK_ERROR', causeCode: 'ABORTED' });
  });

  test('a step that ends with its own error when the signal aborts wins over the fallback', async () => {
    const own = new DisApiError('the precise one', { httpStatus: 503, retryable: true });
    const result = outcome(
      guardCall(
        'ListTransferTasks',
        settings(),
        (budget) =>
          new Promise<string>((_resolve, reject) =>
            budget.signal?.addEventListener('abort', () => reject(own)),
          ),
      ),
    );
    await jest.advanceTimersByTimeAsync(5000);
    expect(await result).toBe(own);
  });
});

describe('what a call returns or throws', () => {
  test("the call's value is returned as it is", async () => {
    await expect(
      guardCall('ListStreams', settings(), async () => ({ streams: ['a'] })),
    ).resolves.toStrictEqual({
      streams: ['a'],
    });
  });

  test('every secret is masked in what the call throws, the message and the details', async () => {
    const error = await outcome(
      guardCall('ListStreams', settings({ secrets: () => ['s3cr3t-value'] }), async () => {
        throw new DisApiError('the token s3cr3t-value was refused', {
          httpStatus: 401,
          serviceMessage: 'bad s3cr3t-value',
          retryable: false,
        });
      }),
    );
    expect((error as Error).message).toBe('DIS_API_ERROR: the token *** was refused');
    expect((error as DisApiError).details.serviceMessage).toBe('bad ***');
  });
});

describe('nothing is left behind', () => {
  test('once the call has ended, its deadline timer is gone', async () => {
    await guardCall('ListStreams', settings(), async () => 'done');
    expect(jest.getTimerCount()).toBe(0);
  });

  test("once the call has ended, the caller's signal has no listener of it left, whether it succeeded or failed", async () => {
    const caller = new AbortController();
    await guardCall('ListStreams', settings({ signal: caller.signal }), async () => 'done');
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    await outcome(
      guardCall('ListStreams', settings({ signal: caller.signal }), async () => {
        throw new Error('failed');
      }),
    );
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });
});

// One attempt (`sendAttempt`) and `raceSignal`, as the rest of the client relies on them: what an
// AttemptFailure says, and nothing left behind once an attempt or a race is over (no timer, no
// listener on the call's signal). Jest's fake clock drives the attempt timer; MockAgent answers.
import { getEventListeners } from 'node:events';
import { MockAgent } from 'undici';
import { AttemptFailure, raceSignal, sendAttempt } from '../../src/client/transport';
import { ORIGIN, PATH } from './exchange-mock';

function agentAnswering(reply: (pool: ReturnType<MockAgent['get']>) => void): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  reply(agent.get(ORIGIN));
  return agent;
}

function attempt(agent: MockAgent, signal?: AbortSignal) {
  return sendAttempt({
    method: 'GET',
    url: new URL(`${ORIGIN}${PATH}`),
    headers: {},
    timeoutMs: 1000,
    signal,
    dispatcher: agent,
  });
}

describe('sendAttempt', () => {
  beforeEach(() =>
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] }),
  );
  afterEach(() => jest.useRealTimers());

  test('an answer leaves no timer and no listener on the signal behind', async () => {
    const agent = agentAnswering((pool) => pool.intercept({ path: PATH }).reply(200, 'ok'));
    const signal = new AbortController().signal;
    await expect(attempt(agent, signal)).resolves.toMatchObject({ status: 200, text: 'ok' });
    expect(jest.getTimerCount()).toBe(0);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  test('a socket failure leaves no timer and no listener on the signal behind', async () => {
    const agent = agentAnswering((pool) =>
      pool
        .intercept({ path: PATH })
        .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' })),
    );
    const signal = new AbortController().signal;
    await expect(attempt(agent, signal)).rejects.toMatchObject({ causeCode: 'ECONNRESET' });
    expect(jest.getTimerCount()).toBe(0);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  test('the attempt timeout: an AttemptFailure ATTEMPT_TIMEOUT saying how long it waited, and nothing left behind', async () => {
    const agent = agentAnswering((pool) => pool.intercept({ path: PATH }).reply(200, 'late').delay(5000));
    const signal = new AbortController().signal;
    const result = attempt(agent, signal).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(1000);
    const failure = await result;
    expect(failure).toBeInstanceOf(AttemptFailure);
    expect(failure).toMatchObject({
      name: 'AttemptFailure',
      causeCode: 'ATTEMPT_TIMEOUT',
      message: 'no complete answer within 1000 ms',
      status: undefined,
    });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('the call’s signal: an AttemptFailure "the call was ended", and the attempt timer is gone', async () => {
    const agent = agentAnswering((pool) => pool.intercept({ path: PATH }).reply(200, 'late').delay(5000));
    const controller = new AbortController();
    const result = attempt(agent, controller.signal).catch((e: unknown) => e);
    controller.abort('DIS_CLIENT_DEADLINE');
    expect(await result).toMatchObject({ causeCode: 'DEADLINE_EXCEEDED', message: 'the call was ended' });
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('raceSignal', () => {
  const onAbort = () => new Error('ended');

  test('without a signal it is the promise itself', () => {
    const promise = Promise.resolve(1);
    expect(raceSignal(promise, undefined, onAbort)).toBe(promise);
  });

  test('resolves like the promise, then leaves no listener on the signal', async () => {
    const signal = new AbortController().signal;
    await expect(raceSignal(Promise.resolve('value'), signal, onAbort)).resolves.toBe('value');
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  test('rejects like the promise, then leaves no listener on the signal', async () => {
    const signal = new AbortController().signal;
    const failure = new Error('failed');
    await expect(raceSignal(Promise.reject(failure), signal, onAbort)).rejects.toBe(failure);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  test('rejects with onAbort() as soon as the signal aborts, the promise still pending, and leaves no listener', async () => {
    const controller = new AbortController();
    const raced = raceSignal(new Promise(() => undefined), controller.signal, onAbort);
    controller.abort();
    await expect(raced).rejects.toThrow('ended');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('an aborted signal rejects at once, and a later failure of the promise is handled', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      let fail: (error: Error) => void = () => undefined;
      const late = new Promise((_resolve, reject) => (fail = reject));
      await expect(raceSignal(late, AbortSignal.abort(), onAbort)).rejects.toThrow('ended');
      fail(new Error('late failure'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toStrictEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

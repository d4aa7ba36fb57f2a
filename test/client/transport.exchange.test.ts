import { DisClient } from '../../src/client/dis-client';
import { MAX_BODY_BYTES } from '../../src/client/transport';
import { DIS, mockSetup, tasksPath } from './mock-env';

const OK = { total_number: 0, tasks: [] };
const path = tasksPath('orders');

function setup() {
  const s = mockSetup();
  const dates: string[] = [];
  let clock = Date.parse('2026-11-28T00:00:00Z');
  const options = {
    ...s.options,
    now: () => new Date((clock += 1000)),
  };
  const reply = (statusCode: number, data: unknown, headers: Record<string, string> = {}) =>
    s.agent
      .get(DIS)
      .intercept({ path, method: 'GET' })
      .reply((req) => {
        dates.push((req.headers as Record<string, string>)['x-sdk-date']);
        return { statusCode, data: data as object, responseOptions: { headers } };
      });
  return { ...s, options, dates, reply };
}

describe('retries', () => {
  test.each([
    [503, { error_code: 'APIGW.0503', error_msg: 'unavailable' }],
    [500, { errorCode: 'DIS.5000', message: 'System error.' }],
    [502, ''],
    [504, ''],
    [400, { errorCode: 'DIS.4303', message: 'Exceeded traffic control limit.' }],
    [400, { errorCode: 'DIS.4305', message: 'Too many stream requests.' }],
    [429, { error_code: 'APIGW.0308', error_msg: 'throttled' }],
  ])('retries HTTP %i %j and succeeds, signing each attempt afresh', async (status, body) => {
    const { agent, options, dates, reply, sleeps } = setup();
    reply(status, body);
    reply(200, OK);
    await expect(new DisClient(options).listTransferTasks('orders')).resolves.toMatchObject({
      totalNumber: 0,
    });
    expect(dates).toHaveLength(2);
    expect(dates[0]).not.toBe(dates[1]);
    expect(sleeps).toHaveLength(1);
    agent.assertNoPendingInterceptors();
  });

  test('waits at least a second after throttling and honours a longer Retry-After', async () => {
    const { options, reply, sleeps } = setup();
    reply(429, { error_code: 'APIGW.0308' });
    reply(429, { error_code: 'APIGW.0308' }, { 'retry-after': '3' });
    reply(200, OK);
    await new DisClient(options).listTransferTasks('orders');
    expect(sleeps).toEqual([1000, 3000]);
  });

  test('clamps an absurd Retry-After to the cap', async () => {
    const { options, reply, sleeps } = setup();
    reply(503, '', { 'retry-after': '86400' });
    reply(200, OK);
    await new DisClient({ ...options, deadlineMs: 60_000 }).listTransferTasks('orders');
    expect(sleeps).toEqual([20_000]);
  });

  test('gives up after three attempts with the last error and the attempt count', async () => {
    const { options, reply } = setup();
    reply(503, { error_code: 'APIGW.0503', error_msg: 'busy' }, { 'x-request-id': 'r-3' });
    reply(503, { error_code: 'APIGW.0503', error_msg: 'busy' }, { 'x-request-id': 'r-3' });
    reply(503, { error_code: 'APIGW.0503', error_msg: 'busy' }, { 'x-request-id': 'r-3' });
    await expect(new DisClient(options).listTransferTasks('orders')).rejects.toMatchObject({
      code: 'DIS_API_ERROR',
      httpStatus: 503,
      attempts: 3,
      requestId: 'r-3',
      retryable: true,
      details: expect.objectContaining({ method: 'GET', url: `${DIS}${path}`, streamName: 'orders' }),
      message: expect.stringContaining('3 attempts'),
    });
  });

  test.each([
    [401, { error_code: 'APIGW.0301', error_msg: 'verify aksk signature fail' }, 'DIS_AUTH_ERROR'],
    [403, { errorCode: 'DIS.4116', message: 'Invalid RBAC.' }, 'DIS_AUTH_ERROR'],
    [441, { errorCode: 'DIS.4102', message: 'unparsable' }, 'DIS_AUTH_ERROR'],
    [400, { errorCode: 'DIS.4309', message: 'Too many request failures.' }, 'DIS_AUTH_ERROR'],
    [400, { errorCode: 'DIS.4301', message: 'The stream does not exist.' }, 'DIS_API_ERROR'],
    [404, { error_code: 'APIGW.0101', error_msg: 'not found' }, 'DIS_API_ERROR'],
  ])('never retries HTTP %i %j', async (status, body, code) => {
    const { agent, options, reply, dates } = setup();
    reply(status, body);
    await expect(new DisClient(options).listTransferTasks('orders')).rejects.toMatchObject({
      code,
      httpStatus: status,
    });
    expect(dates).toHaveLength(1);
    agent.assertNoPendingInterceptors();
  });

  test('retries a socket error once, after one pause, and returns the answer of the second request', async () => {
    const { agent, options, reply, dates, sleeps } = setup();
    agent
      .get(DIS)
      .intercept({ path, method: 'GET' })
      .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    reply(200, OK);
    await expect(new DisClient(options).listTransferTasks('orders')).resolves.toMatchObject({
      totalNumber: 0,
      tasks: [],
    });
    // the reset request, then the answered one
    expect(dates).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
    agent.assertNoPendingInterceptors();
  });

  test('a deadline shorter than the attempt timeout does not cost the retries of a reset', async () => {
    const { agent, reply, dates } = setup();
    const { options } = mockSetupWithRealClock();
    agent
      .get(DIS)
      .intercept({ path, method: 'GET' })
      .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))
      .times(2);
    reply(200, OK);
    const client = new DisClient({
      ...options,
      dispatcher: agent,
      deadlineMs: 5000,
      attemptTimeoutMs: 10_000,
    });
    await expect(client.listTransferTasks('orders')).resolves.toMatchObject({ totalNumber: 0 });
    expect(dates).toHaveLength(1); // the third attempt, answered by reply()
    agent.assertNoPendingInterceptors();
  });

  test('a socket error that persists is a DisNetworkError naming the cause and the attempts', async () => {
    const { agent, options } = setup();
    agent
      .get(DIS)
      .intercept({ path, method: 'GET' })
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
      .times(3);
    await expect(new DisClient(options).listTransferTasks('orders')).rejects.toMatchObject({
      code: 'DIS_NETWORK_ERROR',
      causeCode: 'ECONNREFUSED',
      attempts: 3,
      message: expect.stringContaining('HTTPS_PROXY/NO_PROXY'),
    });
  });

  test('does not wait past the deadline', async () => {
    const { options, reply, dates } = setup();
    reply(429, { error_code: 'APIGW.0308' }, { 'retry-after': '10' });
    // the fake clock advances 1 s per reading; 10 s of Retry-After cannot fit in a 5 s deadline
    await expect(
      new DisClient({ ...options, deadlineMs: 5000 }).listTransferTasks('orders'),
    ).rejects.toMatchObject({
      code: 'DIS_API_ERROR',
      httpStatus: 429,
      attempts: 1,
    });
    expect(dates).toHaveLength(1);
  });
});

describe('responses the client cannot use', () => {
  test('a body over 1 MiB', async () => {
    const { options, reply } = setup();
    reply(200, 'x'.repeat(MAX_BODY_BYTES + 1));
    await expect(new DisClient(options).listTransferTasks('orders')).rejects.toMatchObject({
      code: 'DIS_RESPONSE_INVALID',
      reason: 'BODY_TOO_LARGE',
    });
  });

  test('a body that is not JSON', async () => {
    const { options, reply } = setup();
    reply(200, '<html>login</html>');
    await expect(new DisClient(options).listTransferTasks('orders')).rejects.toMatchObject({
      code: 'DIS_RESPONSE_INVALID',
      reason: 'NOT_JSON',
    });
  });

  test('a body of the wrong shape, naming the zod issue path', async () => {
    const { options, reply } = setup();
    reply(200, { total_number: '1', tasks: [{ task_name: 'x', state: 1 }] });
    const error = await new DisClient(options).listTransferTasks('orders').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DIS_RESPONSE_INVALID', reason: 'SCHEMA_MISMATCH' });
    expect((error as Error).message).toContain('total_number');
    expect((error as { details: { issues: string[] } }).details.issues).toEqual(
      expect.arrayContaining([expect.stringMatching(/^tasks\.0\.state: /)]),
    );
  });
});

describe('timeouts', () => {
  test('an attempt that takes too long is abandoned and retried', async () => {
    const { agent, options, reply } = mockSetupWithRealClock();
    agent.get(DIS).intercept({ path, method: 'GET' }).reply(200, OK).delay(10_000);
    reply(200, { total_number: 1, tasks: [] });
    // generous for a loaded CI machine, far below the 10 s the first answer would take
    const result = await new DisClient({ ...options, attemptTimeoutMs: 500 }).listTransferTasks('orders');
    expect(result.totalNumber).toBe(1);
  });

  test('the deadline ends a call even when every attempt is slow', async () => {
    const { agent, options } = mockSetupWithRealClock();
    agent.get(DIS).intercept({ path, method: 'GET' }).reply(200, OK).delay(2000).times(3);
    await expect(
      new DisClient({ ...options, attemptTimeoutMs: 1000, deadlineMs: 60 }).listTransferTasks('orders'),
    ).rejects.toMatchObject({
      code: 'DIS_NETWORK_ERROR',
      causeCode: 'DEADLINE_EXCEEDED',
      attempts: 1,
      message: expect.stringMatching(/at the 60 ms deadline: check the network .*, or raise deadlineMs \[/),
    });
  });

  test.each([
    ['--timeout', 'raise --timeout'],
    ['the timeoutMs prop of the lookup', 'raise the timeoutMs prop of the lookup'],
  ])('the deadline error names the knob the caller offers (deadlineHint %j)', async (deadlineHint, fix) => {
    const { agent, options } = mockSetupWithRealClock();
    agent.get(DIS).intercept({ path, method: 'GET' }).reply(200, OK).delay(2000);
    const error = (await new DisClient({ ...options, attemptTimeoutMs: 1000, deadlineMs: 60, deadlineHint })
      .listTransferTasks('orders')
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(fix);
    expect(error.message).not.toContain('deadlineMs');
  });
});

function mockSetupWithRealClock() {
  const s = mockSetup();
  const reply = (statusCode: number, data: object) =>
    s.agent.get(DIS).intercept({ path, method: 'GET' }).reply(statusCode, data);
  return { ...s, reply };
}

// Which failures `exchange` retries, and which it never does: every retryable socket cause by
// name (a cause dropped from RETRYABLE_CAUSES fails its own case), causes that will not heal,
// POST, and the forms of Retry-After.
import { parseRetryAfter } from '../../src/client/retry';
import { exchange } from '../../src/client/transport';
import { exchangeSetup as setup } from './exchange-mock';

// The socket failures undici's own retry handler retries (RETRYABLE_CAUSES but ATTEMPT_TIMEOUT,
// which transport.exchange.test.ts reaches with a slow answer). Written out, not read from the
// set: removing one from the set must fail a test.
const RETRYABLE_SOCKET_CAUSES = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
];

describe('which failures exchange retries', () => {
  test.each(RETRYABLE_SOCKET_CAUSES)(
    'a GET that fails with %s is sent again after one wait, and the second answer is returned',
    async (code) => {
      const { agent, options, sleeps, fail, answer, attempts } = setup();
      fail(code);
      answer(200, { ok: true });
      const result = await exchange(options);
      expect(result.attempts).toBe(2);
      expect(result.response.status).toBe(200);
      expect(attempts()).toBe(2);
      expect(sleeps).toEqual([50]);
      agent.assertNoPendingInterceptors();
    },
  );

  test.each(['ERR_TLS_CERT_ALTNAME_INVALID', 'UND_ERR_INVALID_ARG', 'DEADLINE_EXCEEDED', 'EPROTO'])(
    'a GET that fails with %s is not sent again: the first failure is thrown at once',
    async (code) => {
      const { options, sleeps, fail, answer, attempts } = setup();
      fail(code);
      answer(200, { ok: true });
      await expect(exchange(options)).rejects.toMatchObject({
        code: 'DIS_NETWORK_ERROR',
        causeCode: code,
        attempts: 1,
      });
      expect(attempts()).toBe(1);
      expect(sleeps).toEqual([]);
    },
  );

  test('a service answer that is not retryable (404) is not sent again', async () => {
    const { options, sleeps, answer, attempts } = setup();
    answer(404, { error_code: 'APIGW.0101', error_msg: 'not found' });
    answer(200, { ok: true });
    await expect(exchange(options)).rejects.toMatchObject({ code: 'DIS_API_ERROR', httpStatus: 404 });
    expect(attempts()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test.each([
    ['a socket failure (ECONNRESET)', (s: ReturnType<typeof setup>) => s.fail('ECONNRESET', 'POST')],
    [
      'a retryable service answer (503)',
      (s: ReturnType<typeof setup>) => s.answer(503, { error_code: 'APIGW.0503' }, {}, 'POST'),
    ],
  ])('a POST is never sent twice, even after %s', async (_what, firstFailure) => {
    const s = setup({ method: 'POST', body: '{}' });
    firstFailure(s);
    s.answer(200, { ok: true }, {}, 'POST');
    await expect(exchange(s.options)).rejects.toMatchObject({ attempts: 1 });
    expect(s.attempts()).toBe(1);
    expect(s.sleeps).toEqual([]);
  });

  test('a GET that keeps failing is sent maxAttempts times, with a longer wait each time', async () => {
    const { options, sleeps, fail, attempts } = setup();
    fail('ECONNRESET');
    fail('ECONNRESET');
    fail('ECONNRESET');
    await expect(exchange(options)).rejects.toMatchObject({ causeCode: 'ECONNRESET', attempts: 3 });
    expect(attempts()).toBe(3);
    expect(sleeps).toEqual([50, 100]);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  test.each([
    ['1.5', 'a fraction'],
    ['-1', 'a negative number'],
    ['5s', 'a unit'],
    ['1e3', 'an exponent'],
    ['', 'nothing'],
    ['01 Jan 2026 00:00:05 GMT', 'a date without its day name'],
    ['2026-01-01T00:00:05Z', 'an ISO-8601 date'],
  ])('%j (%s) is neither delay-seconds nor an HTTP date: unreadable', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  test('delay-seconds may be surrounded by spaces, and 0 means no wait', () => {
    expect(parseRetryAfter(' 3 ', now)).toBe(3000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  test('reads the HTTP date forms RFC 9110 allows, as the time left until then', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Thursday, 01-Jan-26 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Thu Jan  1 00:00:09 2026', now)).toBe(9000);
  });

  test.each(['1.5', '-1', '5s'])(
    'after a 503 with Retry-After %j the usual backoff applies',
    async (retryAfter) => {
      const { options, sleeps, answer } = setup();
      answer(503, { error_code: 'APIGW.0503' }, { 'retry-after': retryAfter });
      answer(200, { ok: true });
      await expect(exchange(options)).resolves.toMatchObject({ attempts: 2 });
      expect(sleeps).toEqual([50]);
    },
  );

  test('after a 503 with Retry-After 2 the wait is two seconds', async () => {
    const { options, sleeps, answer } = setup();
    answer(503, { error_code: 'APIGW.0503' }, { 'retry-after': '2' });
    answer(200, { ok: true });
    await exchange(options);
    expect(sleeps).toEqual([2000]);
  });
});

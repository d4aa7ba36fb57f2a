// How `exchange` turns each failure into a coded error: the wording per socket cause (an unknown
// host of a region's endpoint, the caller's abort, a cause without a code), the facts it carries,
// a body too large (never retried), the service's words clipped and scrubbed, and what counts as
// success. One attempt each unless the test says otherwise.
import { MAX_BODY_BYTES, exchange } from '../../src/client/transport';
import { resolveRetryPolicy } from '../../src/client/retry';
import { exchangeSetup, ORIGIN, PATH } from './exchange-mock';

const HOST = 'dis.cn-north-4.myhuaweicloud.com';
const URL_TEXT = `${ORIGIN}${PATH}`;
const ONCE = resolveRetryPolicy({ maxAttempts: 1 });

/** The error `exchange` rejects with. */
async function failureOf(s: ReturnType<typeof exchangeSetup>): Promise<Error & Record<string, unknown>> {
  return exchange(s.options).then(
    () => {
      throw new Error('expected exchange to fail');
    },
    (error: Error & Record<string, unknown>) => error,
  );
}

describe('a socket failure', () => {
  test('names the host, the cause and its message, the fix, the operation and one attempt', async () => {
    const s = exchangeSetup({ retry: ONCE });
    s.fail('ECONNREFUSED');
    const error = await failureOf(s);
    expect(error.message).toBe(
      `DIS_NETWORK_ERROR: could not reach ${HOST} (ECONNREFUSED: socket: ECONNREFUSED): ` +
        'check the endpoint, DNS, the network and HTTPS_PROXY/NO_PROXY [ListTransferTasks, 1 attempt]',
    );
    expect(error.details).toStrictEqual({
      operation: 'ListTransferTasks',
      method: 'GET',
      url: URL_TEXT,
      attempts: 1,
      causeCode: 'ECONNREFUSED',
    });
  });

  test('after three attempts says "3 attempts"; without an operation the trailer holds only the attempts', async () => {
    const s = exchangeSetup({ context: {} });
    s.fail('ECONNRESET');
    s.fail('ECONNRESET');
    s.fail('ECONNRESET');
    const error = await failureOf(s);
    expect(error.message).toMatch(/ \[3 attempts\]$/);
    expect(error.details).toStrictEqual({
      method: 'GET',
      url: URL_TEXT,
      attempts: 3,
      causeCode: 'ECONNRESET',
    });
  });

  test.each(['ENOTFOUND', 'EAI_AGAIN'])(
    '%s for a host derived from the region points at the region first',
    async (code) => {
      const s = exchangeSetup({ retry: ONCE, hostFromRegion: 'cn-north-4' });
      s.fail(code);
      expect((await failureOf(s)).message).toBe(
        `DIS_NETWORK_ERROR: could not resolve ${HOST}, the endpoint of region 'cn-north-4' (${code}): ` +
          'check the region, for example cn-north-4 (the region option, HW_REGION_NAME or HUAWEICLOUD_SDK_REGION_ID), ' +
          'then DNS and the network [ListTransferTasks, 1 attempt]',
      );
    },
  );

  test('ENOTFOUND for an endpoint the caller gave, or another cause for a region host, gets the general wording', async () => {
    const given = exchangeSetup({ retry: ONCE });
    given.fail('ENOTFOUND');
    expect((await failureOf(given)).message).toContain(
      `could not reach ${HOST} (ENOTFOUND: socket: ENOTFOUND)`,
    );
    const refused = exchangeSetup({ retry: ONCE, hostFromRegion: 'cn-north-4' });
    refused.fail('ECONNREFUSED');
    expect((await failureOf(refused)).message).toContain(`could not reach ${HOST} (ECONNREFUSED:`);
  });

  test('an error without a code takes the code and message of its cause', async () => {
    const s = exchangeSetup({ retry: ONCE });
    s.pool.intercept({ path: PATH, method: 'GET' }).replyWithError(
      new Error('fetch failed', {
        cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      }),
    );
    const error = await failureOf(s);
    expect(error.causeCode).toBe('UND_ERR_SOCKET');
    expect(error.message).toContain(
      `could not reach ${HOST} (UND_ERR_SOCKET: fetch failed: other side closed)`,
    );
  });

  test.each([
    [
      'an error class without a code',
      Object.assign(new Error('bad header'), { name: 'HTTPParserError' }),
      'HTTPParserError',
      'bad header',
    ],
    ['a plain Error without a code or cause', new Error('odd'), 'UNKNOWN', 'odd'],
    ['a cause that is not an Error', new Error('odd', { cause: 'text' }), 'UNKNOWN', 'odd'],
  ])('%s is named by its class, else UNKNOWN', async (_what, thrown, causeCode, message) => {
    const s = exchangeSetup({ retry: ONCE });
    s.pool.intercept({ path: PATH, method: 'GET' }).replyWithError(thrown);
    const error = await failureOf(s);
    expect(error.causeCode).toBe(causeCode);
    expect(error.message).toContain(`(${causeCode}: ${message}): check the endpoint`);
  });

  test('a failure that is not an Error is shown as text, with the code UNKNOWN', async () => {
    const s = exchangeSetup({ retry: ONCE });
    s.pool.intercept({ path: PATH, method: 'GET' }).replyWithError('plain text failure' as unknown as Error);
    const error = await failureOf(s);
    expect(error.causeCode).toBe('UNKNOWN');
    expect(error.message).toContain(
      `could not reach ${HOST} (UNKNOWN: plain text failure): check the endpoint`,
    );
  });

  test('a cause code and message from outside are made printable, clipped and scrubbed', async () => {
    const s = exchangeSetup({ retry: ONCE, scrub: (text) => text.replaceAll('s3cr3t', '***') });
    const code = `E_\n${'C'.repeat(120)}`;
    s.pool
      .intercept({ path: PATH, method: 'GET' })
      .replyWithError(Object.assign(new Error(`token s3cr3t ${'m'.repeat(600)}`), { code }));
    const error = await failureOf(s);
    expect(error.message).toContain(
      `(E_\\n${'C'.repeat(97)}…: token *** ${'m'.repeat(490)}…): check the endpoint`,
    );
  });

  test('the caller’s abort: "aborted by the caller", ABORTED, not retried', async () => {
    const s = exchangeSetup({ budget: { deadlineAt: 60_000, signal: AbortSignal.abort(new Error('stop')) } });
    s.answer(200, { ok: true });
    const error = await failureOf(s);
    expect(error.message).toBe(
      `DIS_NETWORK_ERROR: the call to ${HOST} was aborted by the caller [ListTransferTasks, 1 attempt]`,
    );
    expect(error.causeCode).toBe('ABORTED');
    expect(s.sleeps).toStrictEqual([]);
  });
});

describe('a body too large', () => {
  test('is a DisResponseError with the status and request id, worded with the endpoint fix, and never retried', async () => {
    const s = exchangeSetup();
    s.answer(200, 'x', { 'content-length': String(MAX_BODY_BYTES + 1), 'x-request-id': 'r-big' });
    s.answer(200, { ok: true });
    const error = await failureOf(s);
    expect(error.message).toBe(
      `DIS_RESPONSE_INVALID: the answer from ${HOST} is larger than ${MAX_BODY_BYTES} bytes ` +
        `(the response declares ${MAX_BODY_BYTES + 1} bytes): check that the endpoint is the DIS API ` +
        '[ListTransferTasks, 1 attempt]',
    );
    expect(error.details).toStrictEqual({
      operation: 'ListTransferTasks',
      method: 'GET',
      url: URL_TEXT,
      attempts: 1,
      httpStatus: 200,
      reason: 'BODY_TOO_LARGE',
      requestId: 'r-big',
    });
    expect(s.attempts()).toBe(1);
    expect(s.sleeps).toStrictEqual([]);
  });

  test('a body of exactly 1 MiB, declared or not, is read whole', async () => {
    const s = exchangeSetup();
    const body = 'x'.repeat(MAX_BODY_BYTES);
    s.answer(200, body, { 'content-length': String(MAX_BODY_BYTES) });
    s.answer(200, body);
    expect((await exchange(s.options)).response.text).toHaveLength(MAX_BODY_BYTES);
    expect((await exchange(s.options)).response.text).toHaveLength(MAX_BODY_BYTES);
  });

  test('one byte more, undeclared, is refused while reading', async () => {
    const s = exchangeSetup();
    s.answer(200, 'x'.repeat(MAX_BODY_BYTES + 1));
    const error = await failureOf(s);
    expect(error.message).toContain(`(the response body exceeded ${MAX_BODY_BYTES} bytes)`);
    expect(error.details).toMatchObject({ httpStatus: 200, reason: 'BODY_TOO_LARGE' });
  });
});

describe('a service answer', () => {
  test('carries the status, the service code and message, the request id and the attempts', async () => {
    const s = exchangeSetup();
    s.answer(
      404,
      { error_code: 'DIS.4301', error_msg: 'The stream does not exist.' },
      { 'x-request-id': 'r-1' },
    );
    const error = await failureOf(s);
    expect(error.details).toStrictEqual({
      operation: 'ListTransferTasks',
      method: 'GET',
      url: URL_TEXT,
      httpStatus: 404,
      serviceCode: 'DIS.4301',
      serviceMessage: 'The stream does not exist.',
      requestId: 'r-1',
      attempts: 1,
      retryable: false,
    });
    expect(error.message).toMatch(
      /\(DIS\.4301: The stream does not exist\.\): .* \[ListTransferTasks, request id r-1, 1 attempt\]$/,
    );
  });

  test('an authentication failure is a DisAuthError whose fix names the kind of credential and its source', async () => {
    const s = exchangeSetup({ credentialSource: 'HW_ACCESS_KEY', credentialKind: 'aksk' });
    s.answer(401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' });
    const error = await failureOf(s);
    expect(error.code).toBe('DIS_AUTH_ERROR');
    expect(error.details).toMatchObject({ httpStatus: 401, credentialSource: 'HW_ACCESS_KEY' });
    expect(error.message).toContain(
      'check the access key pair taken from HW_ACCESS_KEY and the system clock',
    );
  });

  test('its code and request id are clipped to 100 characters, its message to 500, each scrubbed first', async () => {
    const s = exchangeSetup({ scrub: (text) => text.replaceAll('s3cr3t', '***') });
    s.answer(
      400,
      { error_code: `s3cr3t${'C'.repeat(150)}`, error_msg: `s3cr3t ${'m'.repeat(600)}` },
      { 'x-request-id': `s3cr3t${'r'.repeat(150)}` },
    );
    const error = await failureOf(s);
    expect(error.details).toMatchObject({
      serviceCode: `***${'C'.repeat(97)}…`,
      serviceMessage: `*** ${'m'.repeat(496)}…`,
      requestId: `***${'r'.repeat(97)}…`,
    });
  });

  test('a body without code or message leaves them out, and the status speaks', async () => {
    const s = exchangeSetup();
    s.answer(404, '');
    const error = await failureOf(s);
    expect(error.details).toMatchObject({
      httpStatus: 404,
      serviceCode: undefined,
      serviceMessage: undefined,
      requestId: undefined,
    });
    expect(error.message).toContain('(HTTP 404)');
  });
});

describe('what counts as success', () => {
  test('any 2xx answer, with its request id and the attempts it took', async () => {
    const s = exchangeSetup();
    s.answer(299, { ok: true }, { 'x-request-id': 'r-ok' });
    const result = await exchange(s.options);
    expect(result.requestId).toBe('r-ok');
    expect(result.attempts).toBe(1);
    expect(result.response.status).toBe(299);
  });

  test('a 300 answer is a failure', async () => {
    const s = exchangeSetup();
    s.answer(300, { error_code: 'X', error_msg: 'moved' });
    await expect(exchange(s.options)).rejects.toMatchObject({ code: 'DIS_API_ERROR', httpStatus: 300 });
  });

  test('an error building the headers (credentials) is thrown as it is, and nothing is sent', async () => {
    const refused = new Error('no credentials');
    const s = exchangeSetup({
      headersFor: async () => {
        throw refused;
      },
    });
    s.answer(200, { ok: true });
    await expect(exchange(s.options)).rejects.toBe(refused);
    expect(s.sleeps).toStrictEqual([]);
  });
});

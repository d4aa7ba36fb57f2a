import {
  DisApiError,
  DisAuthError,
  DisConfigError,
  DisError,
  DisNetworkError,
  DisResponseError,
  ErrorKind,
  classifyServiceFailure,
  describeServiceFailure,
  redactSecrets,
  reviveDisError,
  type DisErrorClass,
} from '../../src/client/errors';

describe('reviveDisError', () => {
  const originals: DisError[] = [
    new DisApiError('m1', {
      httpStatus: 400,
      serviceCode: 'DIS.4301',
      retryable: false,
      attempts: 1,
      streamName: 's',
    }),
    new DisAuthError('m2', { httpStatus: 401, serviceCode: 'APIGW.0301', credentialSource: 'HW_ACCESS_KEY' }),
    new DisNetworkError('m3', { causeCode: 'ECONNREFUSED', attempts: 3 }),
    new DisResponseError('m4', {
      httpStatus: 200,
      reason: 'SCHEMA_MISMATCH',
      issues: ['tasks.0.state: required'],
    }),
    new DisConfigError('m5', { field: 'streamName', rule: '1-60 characters' }),
  ];

  test.each(originals.map((e) => [e.code, e] as const))(
    'rebuilds %s with its class, message and details',
    (_c, e) => {
      const revived = reviveDisError(JSON.parse(JSON.stringify(e)));
      expect(revived.constructor).toBe(e.constructor);
      expect(revived.toJSON()).toEqual(e.toJSON());
      expect(DisError.isDisError(revived)).toBe(true);
    },
  );

  test('copies the typed properties back', () => {
    const revived = reviveDisError(originals[0].toJSON()) as DisApiError;
    expect(revived.httpStatus).toBe(400);
    expect(revived.serviceCode).toBe('DIS.4301');
  });

  test('rebuilds the class of a family it is given, typed properties included, without its constructor', () => {
    class DisExampleError extends DisError {
      public static readonly CODE = 'DIS_EXAMPLE';
      public static override readonly KIND = ErrorKind.SERVICE;
      public constructor(file: string) {
        super(DisExampleError.CODE, `file ${file} is broken`, { file });
      }
      public get file(): string {
        return this.details.file as string;
      }
    }
    const family: readonly DisErrorClass[] = [DisExampleError];
    const revived = reviveDisError(new DisExampleError('a.json').toJSON(), family);
    expect(revived).toBeInstanceOf(DisExampleError);
    expect((revived as DisExampleError).file).toBe('a.json');
    expect(revived.message).toBe('file a.json is broken');
    expect(revived.name).toBe('DisExampleError');
    expect(revived.kind).toBe(ErrorKind.SERVICE);
    expect(reviveDisError(new DisExampleError('a.json').toJSON()).constructor).toBe(DisError);
  });

  test('keeps an unknown code and name as a plain DisError', () => {
    const revived = reviveDisError({
      name: 'LookupMissingError',
      code: 'DIS_LOOKUP_MISSING',
      message: 'm',
      details: { a: 1 },
    });
    expect(revived.code).toBe('DIS_LOOKUP_MISSING');
    expect(revived.name).toBe('LookupMissingError');
    expect(revived.details).toEqual({ a: 1 });
  });
});

describe('classifyServiceFailure', () => {
  test.each([
    [429, undefined, { auth: false, retryable: true, throttled: true }],
    [400, 'DIS.4303', { auth: false, retryable: true, throttled: true }],
    [400, 'DIS.4305', { auth: false, retryable: true, throttled: true }],
    [429, 'APIGW.0308', { auth: false, retryable: true, throttled: true }],
    [500, 'DIS.5000', { auth: false, retryable: true, throttled: false }],
    [502, undefined, { auth: false, retryable: true, throttled: false }],
    [503, undefined, { auth: false, retryable: true, throttled: false }],
    [504, undefined, { auth: false, retryable: true, throttled: false }],
    [401, 'APIGW.0301', { auth: true, retryable: false, throttled: false }],
    [403, 'DIS.4116', { auth: true, retryable: false, throttled: false }],
    [441, 'DIS.4102', { auth: true, retryable: false, throttled: false }],
    [400, 'DIS.4309', { auth: true, retryable: false, throttled: false }],
    [503, 'DIS.4309', { auth: true, retryable: false, throttled: false }],
    [400, 'DIS.4301', { auth: false, retryable: false, throttled: false }],
    [404, undefined, { auth: false, retryable: false, throttled: false }],
    [501, undefined, { auth: false, retryable: false, throttled: false }],
  ])('HTTP %i %s', (status, code, expected) => {
    expect(classifyServiceFailure(status, code)).toEqual(expected);
  });
});

describe('describeServiceFailure', () => {
  test('says which stream, where, the service words, the fix and the support facts', () => {
    expect(
      describeServiceFailure({
        httpStatus: 400,
        serviceCode: 'DIS.4301',
        serviceMessage: 'The stream does not exist.',
        streamName: 'orders',
        projectId: 'p1',
        region: 'cn-north-4',
        operation: 'ListTransferTasks',
        requestId: 'r-1',
        attempts: 1,
      }),
    ).toBe(
      "stream 'orders' not found in project p1, region cn-north-4 (DIS.4301: The stream does not exist.): " +
        'check the stream name and the region [ListTransferTasks, request id r-1, 1 attempt]',
    );
  });

  test.each([
    [{ httpStatus: 400, serviceCode: 'DIS.4309' }, 'stop retrying'],
    [{ httpStatus: 401 }, 'locked for 5 minutes'],
    [{ httpStatus: 401, credentialSource: 'HW_USER_NAME' }, 'check the credentials taken from HW_USER_NAME'],
    [{ httpStatus: 403 }, 'DIS ReadOnlyAccess'],
    [{ httpStatus: 429 }, 'throttled'],
    [{ httpStatus: 429, serviceCode: 'APIGW.0308' }, 'the request was throttled'],
    [{ httpStatus: 401, serviceCode: 'APIGW.0301' }, 'the credentials were rejected'],
    [{ httpStatus: 503, attempts: 3 }, '3 attempts'],
    [{ httpStatus: 400, serviceCode: 'DIS.4354', taskName: 't1' }, "transfer task 't1' not found"],
  ])('words %j with a fix', (facts, expected) => {
    expect(describeServiceFailure(facts)).toContain(expected);
  });
});

describe('redactSecrets', () => {
  test('masks every occurrence of each secret and any signature', () => {
    expect(
      redactSecrets('token tok-123 again tok-123; SDK-HMAC-SHA256 Access=AK, Signature=abcdef0123', [
        'tok-123',
      ]),
    ).toBe('token *** again ***; SDK-HMAC-SHA256 Access=AK, Signature=***');
  });

  test('ignores values too short to mask without mangling the text', () => {
    expect(redactSecrets('a b c', ['a', ''])).toBe('a b c');
  });
});

describe('ErrorKind', () => {
  test.each([
    [new DisConfigError('m', { field: 'f', rule: 'r' }), ErrorKind.CONFIGURATION],
    [new DisAuthError('m', { httpStatus: 401 }), ErrorKind.CONFIGURATION],
    [new DisNetworkError('m', { causeCode: 'ECONNRESET' }), ErrorKind.SERVICE],
    [new DisResponseError('m', { httpStatus: 200, reason: 'NOT_JSON' }), ErrorKind.SERVICE],
    [new DisApiError('m', { httpStatus: 503, retryable: true }), ErrorKind.SERVICE],
    [
      new DisApiError('m', { httpStatus: 429, serviceCode: 'APIGW.0308', retryable: true }),
      ErrorKind.SERVICE,
    ],
    [
      new DisApiError('m', { httpStatus: 400, serviceCode: 'DIS.4301', retryable: false }),
      ErrorKind.CONFIGURATION,
    ],
    [
      new DisApiError('m', { httpStatus: 400, serviceCode: 'DIS.4354', retryable: false }),
      ErrorKind.CONFIGURATION,
    ],
    [
      new DisApiError('m', { httpStatus: 400, serviceCode: 'DIS.4117', retryable: false }),
      ErrorKind.CONFIGURATION,
    ],
  ])('%s is fixed by: %s', (error, kind) => {
    expect(error.kind).toBe(kind);
  });
});

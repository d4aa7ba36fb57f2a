import {
  DisApiError,
  DisAuthError,
  DisConfigError,
  DisError,
  DisNetworkError,
  DisResponseError,
  ErrorKind,
  messageWithoutCode,
  reviveDisError,
  type DisErrorClass,
} from '../../src/client/errors';

describe('the code at the start of every message', () => {
  // Python, Java, C# and Go apps receive an error as its message only (through the jsii kernel):
  // the code must be in it, first, for users to match on.
  test('a message starts with the code and a colon, then the text as written', () => {
    const error = new DisApiError('The stream does not exist.', { httpStatus: 400, retryable: false });
    expect(error.message).toBe('DIS_API_ERROR: The stream does not exist.');
    expect(String(error)).toBe('DisApiError: DIS_API_ERROR: The stream does not exist.');
    expect(error.toJSON().message).toBe(error.message);
  });

  test('a text that happens to start with the code gets it once; another code is still prefixed', () => {
    expect(new DisConfigError('DIS_CONFIG_ERROR: already coded', { field: 'f', rule: 'r' }).message).toBe(
      'DIS_CONFIG_ERROR: already coded',
    );
    expect(new DisConfigError('DIS_API_ERROR: nested', { field: 'f', rule: 'r' }).message).toBe(
      'DIS_CONFIG_ERROR: DIS_API_ERROR: nested',
    );
    expect(new DisConfigError('DIS_CONFIG_ERRORS are', { field: 'f', rule: 'r' }).message).toBe(
      'DIS_CONFIG_ERROR: DIS_CONFIG_ERRORS are',
    );
  });

  test('messageWithoutCode gives the text after the code, for output that shows the code apart', () => {
    expect(
      messageWithoutCode(new DisNetworkError('could not reach host', { causeCode: 'ECONNREFUSED' })),
    ).toBe('could not reach host');
    expect(messageWithoutCode({ code: 'X', message: 'Y: no prefix' })).toBe('Y: no prefix');
    expect(messageWithoutCode(new Error('plain'))).toBe('plain');
  });
});

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
    new DisConfigError('m5', { field: 'streamName', rule: '1-64 characters' }),
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
    expect(revived.message).toBe('DIS_EXAMPLE: file a.json is broken');
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

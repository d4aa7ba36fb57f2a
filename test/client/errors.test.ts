import {
  DisApiError,
  DisAuthError,
  DisConfigError,
  DisError,
  DisNetworkError,
  DisResponseError,
  ErrorKind,
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

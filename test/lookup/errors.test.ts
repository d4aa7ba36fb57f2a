import {
  CLIENT_ERRORS,
  DisApiError,
  DisError,
  DisNetworkError,
  ErrorKind,
  reviveDisError,
} from '../../src/client/errors';
import {
  DisBridgeError,
  DisContextFileError,
  DisContextLockError,
  DisContextValueError,
  DisLookupConfigError,
  DisLookupFailedError,
  DisLookupMissingError,
  DisLookupTokenError,
  LOOKUP_ERRORS,
} from '../../src/lookup/errors';

const site = { constructPath: 'stack/Orders', streamName: 'orders', projectId: 'p', region: 'cn-north-4' };
const notFound = new DisApiError('stream not found', {
  httpStatus: 400,
  serviceCode: 'DIS.4301',
  retryable: false,
});
const missing = {
  key: 'dis-transfer-tasks:cn-north-4:p:orders',
  constructPath: 'stack/Orders',
  streamName: 'orders',
  projectId: 'p',
  region: 'cn-north-4',
  modeFrom: 'env' as const,
};

// One of each class, as the constructs, the cache and the bridge throw them.
const originals: DisError[] = [
  new DisLookupConfigError('bad mode', { where: 'the environment variable DIS_LOOKUP_MODE' }),
  new DisLookupTokenError('stack/Orders', 'streamName'),
  new DisLookupFailedError(site, notFound),
  new DisLookupMissingError([missing]),
  new DisBridgeError('timed out', { timeoutMs: 5 }),
  new DisContextFileError('/x/cdktf.context.json', 'unexpected end of file', 27, 1, 28),
  new DisContextLockError('/x/cdktf.context.json', 15_000),
  new DisContextValueError('k', 'cdktf context', 'fetchedAt: expected a string'),
];

describe('the lookup error family', () => {
  test('lists every class once, each with its own code, none shared with the client', () => {
    expect(originals.map((e) => e.constructor)).toEqual([...LOOKUP_ERRORS]);
    expect(originals.map((e) => e.code)).toEqual(LOOKUP_ERRORS.map((c) => c.CODE));
    const codes = [...CLIENT_ERRORS, ...LOOKUP_ERRORS].map((c) => c.CODE);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test.each(originals.map((e) => [e.code, e] as const))(
    '%s crosses the worker as JSON and comes back as its class, as the bridge revives it',
    (_code, e) => {
      const revived = reviveDisError(JSON.parse(JSON.stringify(e)), [...CLIENT_ERRORS, ...LOOKUP_ERRORS]);
      expect(revived.constructor).toBe(e.constructor);
      expect(revived.toJSON()).toEqual(e.toJSON());
      expect(revived.kind).toBe(e.constructor === DisLookupFailedError ? ErrorKind.SERVICE : e.kind);
    },
  );

  test('typed properties read the details, so a revived error has them too', () => {
    const family = [...CLIENT_ERRORS, ...LOOKUP_ERRORS];
    const file = reviveDisError(originals[5].toJSON(), family) as DisContextFileError;
    expect([file.file, file.position, file.line, file.column]).toEqual(['/x/cdktf.context.json', 27, 1, 28]);
    expect((reviveDisError(originals[3].toJSON(), family) as DisLookupMissingError).keys).toEqual([
      missing.key,
    ]);
    expect((reviveDisError(originals[2].toJSON(), family) as DisLookupFailedError).causeCode).toBe(
      'DIS_API_ERROR',
    );
  });

  test('a failed lookup is for whoever can act on its cause; the bridge failing is a service failure', () => {
    expect(new DisLookupFailedError(site, notFound).kind).toBe(ErrorKind.CONFIGURATION);
    const down = new DisNetworkError('refused', { causeCode: 'ECONNREFUSED' });
    expect(new DisLookupFailedError(site, down).kind).toBe(ErrorKind.SERVICE);
    expect(new DisLookupFailedError(site, new DisBridgeError('timed out')).kind).toBe(ErrorKind.SERVICE);
    expect(new DisLookupTokenError('a', 'b').kind).toBe(ErrorKind.CONFIGURATION);
  });
});

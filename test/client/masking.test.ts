import { inspect } from 'node:util';
import fc from 'fast-check';
import { resolveCredentials, secretValues } from '../../src/client/credentials';
import {
  DisApiError,
  DisError,
  DisNetworkError,
  maskError,
  maskSecrets,
  maskValue,
  reviveDisError,
  SECRET_VARIABLES,
  secretsFromEnv,
} from '../../src/client/errors';

const SK = 'deadbeefcafe-secret-key-0000000000000000';
const TOKEN = 'canary-token-"quoted"/path';

/** Every rendering of an error a user or a log can see. */
function renderings(error: unknown): string[] {
  const e = error as Error & { toJSON?: () => unknown };
  return [
    e.message,
    String(e),
    JSON.stringify(e),
    JSON.stringify(e.toJSON?.()),
    inspect(e, { depth: Infinity, showHidden: true }),
    e.stack ?? '',
  ];
}

describe('maskSecrets', () => {
  test('masks every occurrence of each secret, then any signature', () => {
    expect(
      maskSecrets('token tok-12345 again tok-12345; SDK-HMAC-SHA256 Access=AK, Signature=abcdef0123', [
        'tok-12345',
      ]),
    ).toBe('token *** again ***; SDK-HMAC-SHA256 Access=AK, Signature=***');
  });

  test('a signature directly followed by a secret that starts with hex digits leaves nothing of the secret', () => {
    // the old order (signature first) ate "deadbeefcafe" as part of the signature and left the rest
    const masked = maskSecrets(`Signature=0123abcd${SK}`, [SK]);
    expect(masked).not.toContain('secret-key');
    expect(masked).toMatch(/^Signature=\*+$/);
  });

  test('masks a secret echoed JSON-escaped or percent-encoded', () => {
    const echoed = `${JSON.stringify({ h: TOKEN })} ?t=${encodeURIComponent(TOKEN)}`;
    const masked = maskSecrets(echoed, [TOKEN]);
    expect(masked).toBe('{"h":"***"} ?t=***');
  });

  test('masks a percent-encoded signature', () => {
    expect(maskSecrets('auth=Signature%3Dabcdef01', [])).toBe('auth=Signature%3D***');
  });

  test('two secrets overlapping in the text are masked as one run, leaving no tail of either', () => {
    expect(maskSecrets('x abcdefghijkl y', ['abcdefgh', 'efghijkl'])).toBe('x *** y');
  });

  test('ignores values too short to mask without mangling the text', () => {
    expect(maskSecrets('a b c abcde', ['a', '', 'abcde'])).toBe('a b c abcde');
  });

  test('property: a secret inserted anywhere never survives, whatever surrounds it', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9+/=_-]{6,40}$/);
    fc.assert(
      fc.property(fc.string(), secret, fc.string(), fc.boolean(), (before, s, after, signed) => {
        const text = `${before}${signed ? 'Signature=00ff' : ''}${s}${after}`;
        expect(maskSecrets(text, [s])).not.toContain(s);
      }),
    );
  });
});

describe('maskError', () => {
  function echoingError(): DisApiError {
    const cause = new DisNetworkError(`inner ${SK}`, { causeCode: 'ECONNRESET', url: `http://h/?sk=${SK}` });
    (cause as { cause?: unknown }).cause = Object.assign(new Error(`socket said ${TOKEN}`), {
      code: 'ECONNRESET',
      echoed: [{ header: TOKEN }],
    });
    return new DisApiError(
      `refused (${SK}: …)`,
      {
        httpStatus: 400,
        serviceCode: SK,
        serviceMessage: `message with ${TOKEN}`,
        requestId: `Signature=0123${SK}`,
        retryable: false,
        issues: [[`deep ${TOKEN}`]],
      } as never,
      { cause },
    );
  }

  test('masks the message, every string in details at any depth and the cause chain', () => {
    const masked = maskError(echoingError(), [SK, TOKEN]);
    for (const text of renderings(masked)) {
      expect(text).not.toContain(SK);
      expect(text).not.toContain('secret-key');
      expect(text).not.toContain('canary-token');
    }
    const cause = masked.cause as DisNetworkError;
    expect(renderings(cause).join()).not.toContain('secret-key');
    expect(inspect(cause.cause, { depth: Infinity })).not.toContain('canary-token');
  });

  test('keeps the class, code, brand, typed getters and the rest of the details', () => {
    const masked = maskError(echoingError(), [SK, TOKEN]);
    expect(masked).toBeInstanceOf(DisApiError);
    expect(DisError.isDisError(masked)).toBe(true);
    expect(masked.code).toBe('DIS_API_ERROR');
    expect(masked.name).toBe('DisApiError');
    expect(masked.httpStatus).toBe(400);
    expect(masked.serviceCode).toBe('***');
    expect(masked.serviceMessage).toBe('message with ***');
    expect(masked.requestId).toBe('Signature=***');
    expect(masked.retryable).toBe(false);
    expect(masked.cause).toBeInstanceOf(DisNetworkError);
    expect((masked.cause as DisNetworkError).causeCode).toBe('ECONNRESET');
    expect(inspect(masked)).toMatch(/^DisApiError: DIS_API_ERROR: refused \(\*\*\*: …\)\n {4}at /);
  });

  test('an error with nothing to mask is returned itself', () => {
    const error = new DisNetworkError('plain', { causeCode: 'ECONNRESET' });
    expect(maskError(error, [SK])).toBe(error);
  });

  test('masks a revived error (after it crossed a worker) the same way', () => {
    const revived = reviveDisError(echoingError().toJSON());
    const masked = maskError(revived, [SK, TOKEN]);
    expect(JSON.stringify(masked)).not.toContain('secret-key');
    expect(masked).toBeInstanceOf(DisApiError);
  });

  test('survives cycles and masks thrown non-errors', () => {
    const error = new Error(`loop ${SK}`) as Error & { self?: unknown };
    error.self = { back: error };
    const masked = maskError(error, [SK]);
    expect(masked.message).toBe('loop ***');
    expect((masked.self as { back: unknown }).back).toBe(masked);
    expect(maskError(`thrown ${SK}`, [SK])).toBe('thrown ***');
    expect(maskError(undefined, [SK])).toBeUndefined();
  });
});

describe('maskValue', () => {
  test('masks strings in arrays and plain objects, leaves other values alone', () => {
    const date = new Date(0);
    const value = { warnings: [`w ${SK}`], n: 1, date, nested: { t: TOKEN } };
    const masked = maskValue(value, [SK, TOKEN]);
    expect(masked).toEqual({ warnings: ['w ***'], n: 1, date, nested: { t: '***' } });
    expect(masked.date).toBe(date);
    expect(value.warnings[0]).toContain(SK); // the input is not changed
  });

  test('a value with nothing to mask is returned itself', () => {
    const value = { a: ['x'], b: { c: 'y' } };
    expect(maskValue(value, [SK])).toBe(value);
  });
});

describe('secretsFromEnv', () => {
  test('reads every secret variable, trimmed too, and skips short values', () => {
    expect(
      secretsFromEnv({ HW_SECRET_KEY: ' sk-value-1 \n', HW_AUTH_TOKEN: 'short', OTHER: 'x'.repeat(20) }),
    ).toEqual([' sk-value-1 \n', 'sk-value-1']);
    // each of the secret variables, and nothing else
    const env = Object.fromEntries(SECRET_VARIABLES.map((name) => [name, `value-of-${name}`]));
    expect(secretsFromEnv({ ...env, HW_USER_NAME: 'a-user-name-0001' })).toEqual(
      SECRET_VARIABLES.map((name) => `value-of-${name}`),
    );
  });

  test.each([
    ['token', { HW_AUTH_TOKEN: 'env-token-0001' }],
    [
      'provider key pair',
      { HW_ACCESS_KEY: 'ENVAK0000001', HW_SECRET_KEY: 'env-sk-0001', HW_SECURITY_TOKEN: 'env-st-0001' },
    ],
    [
      'SDK key pair',
      {
        HUAWEICLOUD_SDK_AK: 'ENVAK0000002',
        HUAWEICLOUD_SDK_SK: 'env-sk-0002',
        HUAWEICLOUD_SDK_SECURITY_TOKEN: 'env-st-0002',
      },
    ],
    ['password', { HW_USER_NAME: 'u', HW_PASSWORD: 'env-password-1', HW_DOMAIN_NAME: 'd' }],
    ['provider password', { HW_USER_NAME: 'u', HW_USER_PASSWORD: 'env-password-2', HW_DOMAIN_NAME: 'd' }],
  ])('covers every secret the credential chain reads (%s)', (_name, env) => {
    const resolved = resolveCredentials(undefined, env);
    const secrets = secretValues(resolved).filter((v) => v !== 'u');
    expect(secrets.length).toBeGreaterThan(0);
    expect(secretsFromEnv(env)).toEqual(expect.arrayContaining(secrets));
    for (const name of Object.keys(env)) {
      if (!/NAME$/.test(name)) expect(SECRET_VARIABLES).toContain(name);
    }
  });
});

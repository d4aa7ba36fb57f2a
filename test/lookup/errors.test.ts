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
  DisContextFileAccessError,
  DisContextFileLinkError,
  DisContextValueError,
  DisLookupAmbiguousError,
  DisLookupConfigError,
  DisLookupFailedError,
  DisLookupMissingError,
  DisLookupStaleError,
  DisLookupTokenError,
  fileSystemError,
  LOOKUP_ERRORS,
  quoteUntrusted,
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
  new DisLookupAmbiguousError('stack/Orders', 'orders', [
    {
      region: 'cn-north-4',
      projectId: 'p1',
      key: 'dis-transfer-tasks:cn-north-4:p1:orders',
      where: 'f.json',
    },
    {
      region: 'cn-east-3',
      projectId: 'p2',
      key: 'dis-transfer-tasks:cn-east-3:p2:orders',
      where: 'cdktf context',
    },
  ]),
  new DisLookupStaleError(
    'stack/Orders',
    'f.json',
    86_400,
    [
      {
        key: 'dis-transfer-tasks:cn-north-4:p:orders',
        fetchedAt: '2026-11-01T00:00:00.000Z',
        ageSeconds: 3 * 86_400,
      },
    ],
    'env',
  ),
  new DisContextFileAccessError('/x/cdktf.context.json', 'write', '/x', 'EACCES'),
  new DisContextFileLinkError('/x/cdktf.context.json', '/home/u/.bashrc', '/x'),
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

describe('the new errors say what was wrong and how to fix it', () => {
  test('an ambiguous target lists every candidate and the three ways to pin one', () => {
    expect(originals[8].message).toBe(
      [
        'DIS_LOOKUP_AMBIGUOUS_TARGET: [stack/Orders] Stream "orders" is recorded for 2 regions and projects, and ' +
          'the lookup does not say which one to use (no region or project id in its props, cdktf context or the environment):',
        '  - region cn-north-4, project p1: dis-transfer-tasks:cn-north-4:p1:orders in f.json',
        '  - region cn-east-3, project p2: dis-transfer-tasks:cn-east-3:p2:orders in cdktf context',
        'Pin one: for this lookup, the `region` and `projectId` props; for the whole app, the cdktf context keys ' +
          '"dis-transfer-tasks:region" and "dis-transfer-tasks:projectId" (the "context" of cdktf.json); for one run, ' +
          'HW_REGION_NAME and HW_PROJECT_ID.',
      ].join('\n'),
    );
  });

  test('a stale value names its age, the limit and the refresh command for its key', () => {
    expect(originals[9].message).toContain('Lookup mode is offline (set by DIS_LOOKUP_MODE)');
    expect(originals[9].message).toContain("older than the lookup's maxAge (1d)");
    expect(originals[9].message).toContain('fetched at 2026-11-01T00:00:00.000Z, 3d ago');
    expect(originals[9].message).toContain(
      "`npx dis-transfer-tasks context refresh 'dis-transfer-tasks:cn-north-4:p:orders'`",
    );
  });

  test.each([
    ['EACCES', 'write', '/x', 'Cannot write the context cache file /x/c.json: /x is not writable (EACCES).'],
    ['EISDIR', 'read', '/x/c.json', 'The context cache file /x/c.json is a folder, not a file (EISDIR)'],
    [
      'ENOTDIR',
      'lock',
      '/x/c.json.lock',
      'The lock path /x/c.json.lock of the context cache file /x/c.json is a file',
    ],
    ['EROFS', 'write', '/x', 'is on a read-only file system (EROFS)'],
    ['EIO', 'write', '/x', 'Cannot write the context cache file /x/c.json: /x was refused (EIO).'],
  ] as const)('a file-system refusal %s names the path and the fix', (errno, operation, path, text) => {
    const error = new DisContextFileAccessError('/x/c.json', operation, path, errno);
    expect(error.message).toContain(text);
    expect(error.message).toContain(
      "point the lookup's `contextFile` (or DIS_LOOKUP_CONTEXT_FILE) at a file you can",
    );
    expect(error.message.includes('was not recorded')).toBe(operation !== 'read');
  });

  test('fileSystemError codes file-system errors only, with the path the system named', () => {
    const raw = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/x/sub' });
    expect(fileSystemError(raw, '/x/c.json', 'write', '/x')).toMatchObject({
      code: 'DIS_CONTEXT_FILE_ACCESS',
      path: '/x/sub',
      errno: 'EACCES',
    });
    const other = new TypeError('not a file-system error');
    expect(fileSystemError(other, '/x/c.json', 'write', '/x')).toBe(other);
  });

  test('an untrusted string is quoted, cut, escaped and masked', () => {
    const saved = process.env.HW_SECRET_KEY;
    process.env.HW_SECRET_KEY = 'canary-secret-0123456789';
    try {
      expect(quoteUntrusted('a\u001b[31mb\u202e')).toBe("'a\\u001b[31mb\\u202e'");
      expect(quoteUntrusted('x'.repeat(70))).toBe(`'${'x'.repeat(64)}…'`);
      expect(quoteUntrusted('key=canary-secret-0123456789')).toBe("'key=***'");
    } finally {
      if (saved === undefined) delete process.env.HW_SECRET_KEY;
      else process.env.HW_SECRET_KEY = saved;
    }
  });
});

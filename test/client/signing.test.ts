import {
  canonicalHeaders,
  canonicalQuery,
  canonicalUri,
  computeSignature,
  EMPTY_PAYLOAD_HASH,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  payloadHash,
  signedHeaderNames,
  signRequest,
} from '../../src/client/signing';

describe('canonicalUri', () => {
  test('appends the trailing slash the algorithm requires', () => {
    expect(canonicalUri('/v2/p/streams/orders/transfer-tasks')).toBe('/v2/p/streams/orders/transfer-tasks/');
    expect(canonicalUri('/')).toBe('/');
  });

  test('gives the same result however much the sender escaped', () => {
    expect(canonicalUri("/a!'()*/%C3%A9")).toBe('/a%21%27%28%29%2A/%C3%A9/');
    expect(canonicalUri('/a%21%27%28%29%2a/%c3%a9')).toBe('/a%21%27%28%29%2A/%C3%A9/');
  });

  test('keeps an encoded slash inside its segment', () => {
    expect(canonicalUri('/a%2Fb/c')).toBe('/a%2Fb/c/');
  });

  test('encodes a stray percent sign literally instead of failing', () => {
    expect(canonicalUri('/100%/x')).toBe('/100%25/x/');
  });
});

describe('canonicalQuery', () => {
  test('is empty for no query', () => {
    expect(canonicalQuery('')).toBe('');
  });

  test('sorts keys, then the values of a repeated key', () => {
    expect(canonicalQuery('b=2&a=z&a=y')).toBe('a=y&a=z&b=2');
  });

  test('gives a key without a value an "="', () => {
    expect(canonicalQuery('flag&x=1')).toBe('flag=&x=1');
  });

  test('reads "+" and "%20" as the same space', () => {
    expect(canonicalQuery('q=a+b')).toBe('q=a%20b');
    expect(canonicalQuery('q=a%20b')).toBe('q=a%20b');
  });

  test('escapes the characters encodeURIComponent leaves alone', () => {
    expect(canonicalQuery("q=!'()*~")).toBe('q=%21%27%28%29%2A~');
  });

  test('skips the empty pairs of a doubled or trailing "&" instead of signing an empty key', () => {
    expect(canonicalQuery('a=1&&b')).toBe('a=1&b=');
    expect(canonicalQuery('a=1&')).toBe('a=1');
    expect(canonicalQuery('&')).toBe('');
  });

  test('reads "+" in a key as a space too, as Go\'s url.ParseQuery does', () => {
    expect(canonicalQuery('a+b=1')).toBe('a%20b=1');
    expect(canonicalQuery('a%2Bb=1')).toBe('a%2Bb=1');
  });
});

describe('canonicalHeaders', () => {
  test('writes name:value lines in the given order, ending with a newline', () => {
    expect(canonicalHeaders({ Host: 'h', 'X-Sdk-Date': 'd' }, ['host', 'x-sdk-date'])).toBe(
      'host:h\nx-sdk-date:d\n',
    );
  });

  test('trims values like the Go and Python signers (the Node signer does not; HTTP drops the whitespace)', () => {
    expect(canonicalHeaders({ 'x-a': '  v  ' }, ['x-a'])).toBe('x-a:v\n');
  });

  test('joins repeated values with a comma', () => {
    expect(canonicalHeaders({ 'x-a': ['1', '2'] }, ['x-a'])).toBe('x-a:1,2\n');
  });

  test('a signed header the request does not carry contributes its name with an empty value', () => {
    expect(canonicalHeaders({ host: 'h' }, ['host', 'x-missing'])).toBe('host:h\nx-missing:\n');
    expect(canonicalHeaders({ host: 'h', 'x-absent': undefined }, ['x-absent'])).toBe('x-absent:\n');
  });
});

describe('signedHeaderNames', () => {
  test('lower-cases, de-duplicates and sorts by code unit', () => {
    expect(signedHeaderNames({ 'X-Sdk-Date': 'd', host: 'h', 'x-a1': '1', 'X-A': '2', 'x-a': '3' })).toEqual([
      'host',
      'x-a',
      'x-a1',
      'x-sdk-date',
    ]);
  });

  test('leaves out a header whose value is undefined', () => {
    expect(signedHeaderNames({ host: 'h', 'x-absent': undefined })).toEqual(['host']);
  });
});

describe('payloadHash', () => {
  test('is the empty-body hash for no body', () => {
    expect(payloadHash(undefined)).toBe(EMPTY_PAYLOAD_HASH);
    expect(payloadHash('')).toBe(EMPTY_PAYLOAD_HASH);
  });

  test('hashes the exact bytes, so a string and its UTF-8 bytes agree', () => {
    expect(payloadHash('{"a":"é"}')).toBe(payloadHash(Buffer.from('{"a":"é"}', 'utf8')));
    expect(payloadHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('uses X-Sdk-Content-Sha256 when the request declares it', () => {
    expect(payloadHash('abc', { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' })).toBe('UNSIGNED-PAYLOAD');
  });
});

describe('X-Sdk-Date', () => {
  test('formats UTC in ISO 8601 basic form, seconds precision', () => {
    expect(formatSdkDate(new Date('2019-11-15T03:36:55.999Z'))).toBe('20191115T033655Z');
  });

  test('parses what it formats and rejects other shapes', () => {
    expect(parseSdkDate('20191115T033655Z')?.toISOString()).toBe('2019-11-15T03:36:55.000Z');
    expect(parseSdkDate('2019-11-15T03:36:55Z')).toBeUndefined();
    expect(parseSdkDate('20191315T033655Z')).toBeUndefined();
    expect(parseSdkDate('20191115T033661Z')).toBeUndefined();
    expect(parseSdkDate('x20191115T033655Z')).toBeUndefined();
    expect(parseSdkDate('20191115T033655Zx')).toBeUndefined();
  });
});

describe('parseAuthorization', () => {
  test('splits the Access= form into its parts', () => {
    expect(
      parseAuthorization('SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=ABCdef01'),
    ).toEqual({
      algorithm: 'SDK-HMAC-SHA256',
      accessKey: 'AK1',
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'abcdef01',
    });
  });

  test('accepts any run of whitespace between the parts, and none after a comma', () => {
    const parts = { accessKey: 'AK1', signedHeaders: ['host', 'x-sdk-date'], signature: 'abcdef01' };
    expect(
      parseAuthorization(
        '  SDK-HMAC-SHA256   Access=AK1 , SignedHeaders=host;x-sdk-date\t,  Signature=abcdef01  ',
      ),
    ).toMatchObject(parts);
    expect(
      parseAuthorization('SDK-HMAC-SHA256 Access=AK1,SignedHeaders=host;x-sdk-date,Signature=abcdef01'),
    ).toMatchObject(parts);
  });

  test.each([
    ['missing', undefined],
    ['text before the algorithm', 'xSDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab'],
    [
      'a signature that runs on into other characters',
      'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abcdefg',
    ],
    ['a part after the signature', 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab, Extra=1'],
    ['another algorithm', 'AWS4-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab'],
    [
      'the legacy Credential= form',
      'SDK-HMAC-SHA256 Credential=AK/20200101/r/dis/sdk_request, SignedHeaders=host, Signature=ab',
    ],
    ['no signature', 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host'],
    ['a non-hex signature', 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=xyz'],
  ])('returns undefined for %s', (_what, value) => {
    expect(parseAuthorization(value)).toBeUndefined();
  });
});

describe('signRequest', () => {
  const credentials = { accessKey: 'AK0000000000000000001', secretKey: 'sk-canary-secret' };
  const url = new URL('https://dis.cn-north-4.myhuaweicloud.com:8443/v2/p/streams/a%20b/transfer-tasks?x=1');

  test('adds host (with port), date, project and security token and signs them all', () => {
    const headers = signRequest({
      method: 'GET',
      url,
      headers: { 'Content-Type': 'application/json' },
      credentials: { ...credentials, securityToken: 'st' },
      projectId: 'p',
      date: new Date('2024-01-01T00:00:00Z'),
    });
    expect(Object.keys(headers).sort()).toEqual([
      'authorization',
      'content-type',
      'host',
      'x-project-id',
      'x-sdk-date',
      'x-security-token',
    ]);
    expect(headers['content-type']).toBe('application/json');
    expect(headers.host).toBe('dis.cn-north-4.myhuaweicloud.com:8443');
    expect(headers['x-sdk-date']).toBe('20240101T000000Z');
    expect(headers['x-project-id']).toBe('p');
    expect(headers['x-security-token']).toBe('st');
    expect(parseAuthorization(headers.authorization)?.signedHeaders).toEqual([
      'content-type',
      'host',
      'x-project-id',
      'x-sdk-date',
      'x-security-token',
    ]);
  });

  test('a verifier recomputes the signature from what it receives', () => {
    const headers = signRequest({ method: 'POST', url, body: '{"a":1}', credentials, date: new Date(0) });
    const parsed = parseAuthorization(headers.authorization)!;
    expect(
      computeSignature({
        method: 'post',
        path: url.pathname,
        query: 'x=1',
        headers,
        signedHeaders: parsed.signedHeaders,
        payload: Buffer.from('{"a":1}'),
        sdkDate: headers['x-sdk-date'],
        secretKey: credentials.secretKey,
      }),
    ).toBe(parsed.signature);
  });

  test('signs each attempt afresh: another second, another signature', () => {
    const a = signRequest({ method: 'GET', url, credentials, date: new Date(1000) });
    const b = signRequest({ method: 'GET', url, credentials, date: new Date(2000) });
    expect(a.authorization).not.toBe(b.authorization);
  });

  test('never puts the secret key into a header', () => {
    const headers = signRequest({ method: 'GET', url, credentials });
    expect(JSON.stringify(headers)).not.toContain(credentials.secretKey);
  });
});

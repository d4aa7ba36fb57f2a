import { computeSignature, parseAuthorization, signRequest } from '../../../src/client/signing';

const credentials = { accessKey: 'AK0000000000000000001', secretKey: 'sk-canary-secret' };
const url = new URL('https://dis.cn-north-4.myhuaweicloud.com:8443/v2/p/streams/a%20b/transfer-tasks?x=1');

describe('signRequest', () => {
  test('adds host (with port), date, project and security token and signs them all', () => {
    const headers = signRequest({
      method: 'GET',
      url,
      headers: { 'Content-Type': 'application/json' },
      credentials: { ...credentials, securityToken: 'st' },
      projectId: 'p',
      date: new Date('2024-01-01T00:00:00Z'),
    });
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

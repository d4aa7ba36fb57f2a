import {
  checkBaseUrl,
  cloudDomain,
  defaultDisEndpoint,
  defaultIamEndpoint,
} from '../../src/client/endpoints';

describe('endpoints', () => {
  test.each([
    ['cn-north-4', 'https://dis.cn-north-4.myhuaweicloud.com'],
    ['ap-southeast-1', 'https://dis.ap-southeast-1.myhuaweicloud.com'],
    ['eu-west-101', 'https://dis.eu-west-101.myhuaweicloud.eu'],
    ['eu-west-0', 'https://dis.eu-west-0.myhuaweicloud.com'],
  ])('%s → %s', (region, url) => {
    expect(defaultDisEndpoint(region)).toBe(url);
  });

  test('HW_CLOUD overrides the domain, for DIS and IAM alike', () => {
    expect(cloudDomain('cn-north-4', 'example.cloud')).toBe('example.cloud');
    expect(defaultIamEndpoint('cn-north-4', 'example.cloud')).toBe('https://iam.cn-north-4.example.cloud');
  });

  test('drops trailing slashes and, for IAM, a trailing /v3', () => {
    expect(checkBaseUrl('https://iam.example.test/v3/', 'HW_AUTH_URL', false, true)).toBe(
      'https://iam.example.test',
    );
    expect(checkBaseUrl('https://dis.example.test/prefix/', 'endpoint', false)).toBe(
      'https://dis.example.test/prefix',
    );
  });

  test.each([
    ['http://dis.example.test', /plain http/],
    ['https://user:pw@dis.example.test', /credentials/],
    ['https://dis.example.test/?x=1', /query or fragment/],
    ['ftp://dis.example.test', /protocol/],
    ['dis.example.test', /not a URL/],
  ])('refuses %s', (url, why) => {
    expect(() => checkBaseUrl(url, 'endpoint', false)).toThrow(why);
  });

  test('allows http for loopback hosts', () => {
    expect(checkBaseUrl('http://127.0.0.1:4000', 'endpoint', false)).toBe('http://127.0.0.1:4000');
    expect(checkBaseUrl('http://localhost:4000', 'endpoint', false)).toBe('http://localhost:4000');
    expect(checkBaseUrl('http://[::1]:4000', 'endpoint', false)).toBe('http://[::1]:4000');
  });
});

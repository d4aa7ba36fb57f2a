import { resolveCredentials } from '../../src/client/credentials';

const all = {
  HW_AUTH_TOKEN: 'env-token',
  HW_ACCESS_KEY: 'HWAK',
  HW_SECRET_KEY: 'HWSK',
  HW_SECURITY_TOKEN: 'HWST',
  HUAWEICLOUD_SDK_AK: 'SDKAK',
  HUAWEICLOUD_SDK_SK: 'SDKSK',
  HW_USER_NAME: 'u',
  HW_PASSWORD: 'p',
  HW_DOMAIN_NAME: 'd',
};

function without(env: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !names.includes(k)));
}

describe('resolveCredentials', () => {
  test('explicit credentials win over every variable', () => {
    expect(resolveCredentials({ accessKey: 'A', secretKey: 'S' }, all)).toMatchObject({
      kind: 'aksk',
      accessKey: 'A',
      source: 'options.credentials',
    });
  });

  test('then HW_AUTH_TOKEN, then HW_ACCESS_KEY, then the SDK variables, then the password', () => {
    expect(resolveCredentials(undefined, all)).toMatchObject({ kind: 'token', source: 'HW_AUTH_TOKEN' });
    const noToken = without(all, 'HW_AUTH_TOKEN');
    expect(resolveCredentials(undefined, noToken)).toMatchObject({
      kind: 'aksk',
      accessKey: 'HWAK',
      securityToken: 'HWST',
      source: 'HW_ACCESS_KEY',
    });
    const noHw = without(noToken, 'HW_ACCESS_KEY', 'HW_SECRET_KEY');
    expect(resolveCredentials(undefined, noHw)).toMatchObject({ kind: 'aksk', accessKey: 'SDKAK' });
    const onlyPassword = without(noHw, 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK');
    expect(resolveCredentials(undefined, onlyPassword)).toMatchObject({
      kind: 'password',
      userName: 'u',
      domainName: 'd',
    });
  });

  test("accepts the provider's HW_USER_PASSWORD too", () => {
    expect(
      resolveCredentials(undefined, { HW_USER_NAME: 'u', HW_USER_PASSWORD: 'p', HW_DOMAIN_NAME: 'd' }),
    ).toMatchObject({ kind: 'password', password: 'p' });
  });

  test.each([
    [{ HW_ACCESS_KEY: 'A' }, 'HW_SECRET_KEY'],
    [{ HW_SECRET_KEY: 'S' }, 'HW_ACCESS_KEY'],
    [{ HUAWEICLOUD_SDK_AK: 'A' }, 'HUAWEICLOUD_SDK_SK'],
    [{ HW_USER_NAME: 'u', HW_PASSWORD: 'p' }, 'HW_DOMAIN_NAME'],
  ])('half a set (%j) is an error naming %s', (env, missing) => {
    expect(() => resolveCredentials(undefined, env)).toThrow(expect.objectContaining({ field: missing }));
  });

  test.each([
    [
      { accessKey: 'A' },
      'credentials.secretKey',
      'credentials.accessKey is set but credentials.secretKey is not',
    ],
    [
      { secretKey: 'S' },
      'credentials.accessKey',
      'credentials.secretKey is set but credentials.accessKey is not',
    ],
    [
      { domainName: 'd' },
      'credentials.userName',
      'credentials.password is set but credentials.userName is not',
    ],
    [
      { userName: 'u' },
      'credentials.password',
      'credentials.userName is set but credentials.password is not',
    ],
    [{ userName: 'u', password: 'p' }, 'credentials.domainName', 'credentials.userName is set but'],
  ])(
    'half an explicit set (%j) is an error naming %s, even with the environment set',
    (given, missing, message) => {
      expect(() => resolveCredentials(given, all)).toThrow(
        expect.objectContaining({ field: missing, message: expect.stringContaining(message) }),
      );
    },
  );

  test('an explicit token wins over an explicit key pair, which wins over a password', () => {
    const explicit = {
      authToken: 'T',
      accessKey: 'A',
      secretKey: 'S',
      userName: 'u',
      password: 'p',
      domainName: 'd',
    };
    expect(resolveCredentials(explicit, {})).toMatchObject({ kind: 'token', token: 'T' });
    expect(resolveCredentials({ ...explicit, authToken: undefined }, {})).toMatchObject({ kind: 'aksk' });
  });

  test('a lone HW_DOMAIN_NAME is no half set: the chain goes on and finds nothing', () => {
    expect(() => resolveCredentials(undefined, { HW_DOMAIN_NAME: 'd' })).toThrow(
      expect.objectContaining({ field: 'credentials' }),
    );
  });

  test('no credentials at all names every variable', () => {
    expect(() => resolveCredentials(undefined, {})).toThrow(
      /HW_AUTH_TOKEN.*HW_ACCESS_KEY \+ HW_SECRET_KEY.*HUAWEICLOUD_SDK_AK.*HW_USER_NAME \+ HW_PASSWORD \+ HW_DOMAIN_NAME/,
    );
  });
});

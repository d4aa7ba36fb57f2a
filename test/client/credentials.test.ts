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

  test('no credentials at all names every variable', () => {
    expect(() => resolveCredentials(undefined, {})).toThrow(
      /HW_AUTH_TOKEN.*HW_ACCESS_KEY \+ HW_SECRET_KEY.*HUAWEICLOUD_SDK_AK.*HW_USER_NAME \+ HW_PASSWORD \+ HW_DOMAIN_NAME/,
    );
  });
});

import {
  checkBaseUrl,
  checkServiceValue,
  checkProjectId,
  checkRegion,
  checkStreamName,
  checkTaskName,
  cloudDomain,
  defaultDisEndpoint,
  defaultIamEndpoint,
  pickSetting,
  resolveProjectId,
  resolveRegion,
} from '../../src/client/config';

describe('input checks', () => {
  test('accept documented shapes', () => {
    expect(checkStreamName('a'.repeat(64))).toHaveLength(64);
    expect(checkStreamName('Orders_2-x')).toBe('Orders_2-x');
    expect(checkTaskName('t'.repeat(64))).toHaveLength(64);
    expect(checkProjectId('0123456789abcdef0123456789ABCDEF')).toHaveLength(32);
    expect(checkRegion('eu-west-101')).toBe('eu-west-101');
    expect(checkRegion('cn-southwest-2')).toBe('cn-southwest-2');
  });

  test.each([
    [() => checkTaskName('t'.repeat(65)), 'taskName', '1-64'],
    [() => checkProjectId('abc'), 'projectId', '32 hexadecimal'],
    [() => checkRegion('CN-NORTH-4'), 'region', 'cn-north-4'],
    [() => checkRegion(undefined), 'region', 'cn-north-4'],
    [() => checkStreamName('x y', 'streams[1]'), 'streams[1]', '1-64'],
    [() => checkStreamName('s'.repeat(65)), 'streamName', '1-64'],
  ])('an error names the field and the rule (%#)', (call, field, rule) => {
    expect(call).toThrow(
      expect.objectContaining({ code: 'DIS_CONFIG_ERROR', field, message: expect.stringContaining(rule) }),
    );
  });

  test('a very long value is shortened in the message', () => {
    expect(() => checkStreamName('x'.repeat(500))).toThrow(/x…' is not valid/);
  });
});

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

describe('the settings chain', () => {
  test('an explicit value wins over every variable, and is named as the option', () => {
    expect(pickSetting('region', 'cn-north-4', { HW_REGION_NAME: 'cn-east-3' })).toEqual({
      value: 'cn-north-4',
      from: 'region',
    });
  });

  test('the provider variable comes before the SDK one; values are trimmed; empty means unset', () => {
    expect(
      pickSetting('projectId', undefined, { HW_PROJECT_ID: ' \n', HUAWEICLOUD_SDK_PROJECT_ID: ' p1\n' }),
    ).toEqual({ value: 'p1', from: 'HUAWEICLOUD_SDK_PROJECT_ID' });
    expect(pickSetting('region', undefined, { HW_REGION_NAME: 'a', HUAWEICLOUD_SDK_REGION_ID: 'b' })).toEqual(
      {
        value: 'a',
        from: 'HW_REGION_NAME',
      },
    );
    expect(pickSetting('region', undefined, {})).toBeUndefined();
  });

  test('resolved values are checked, and the error names the variable they came from', () => {
    expect(resolveRegion(undefined, { HW_REGION_NAME: 'cn-north-4\n' })).toBe('cn-north-4');
    expect(resolveProjectId(undefined, {})).toBeUndefined();
    expect(() => resolveProjectId(undefined, { HW_PROJECT_ID: 'my-project' })).toThrow(
      expect.objectContaining({ code: 'DIS_CONFIG_ERROR', field: 'HW_PROJECT_ID' }),
    );
    expect(() => resolveRegion('CN-NORTH-4', {}, 'the region prop')).toThrow(
      expect.objectContaining({ field: 'the region prop' }),
    );
  });
});

describe('checkServiceValue', () => {
  test.each(['RUNNING', 'CLOUDTABLE', 'NEW_STATE_2'])('passes %s through, documented or not', (value) => {
    expect(checkServiceValue(value, 'state')).toBe(value);
  });

  test.each(['running', 'RUN NING', '${file("/etc/hostname")}', '', 'A'.repeat(65), 3, null])(
    'refuses %p, naming the field',
    (value) => {
      expect(() => checkServiceValue(value, 'tasks[0].state')).toThrow(
        expect.objectContaining({ code: 'DIS_CONFIG_ERROR', field: 'tasks[0].state' }),
      );
    },
  );
});

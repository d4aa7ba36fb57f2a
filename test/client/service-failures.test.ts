import { classifyServiceFailure, describeServiceFailure } from '../../src/client/service-failures';

describe('classifyServiceFailure', () => {
  test.each([
    [429, undefined, { auth: false, retryable: true, throttled: true }],
    [400, 'DIS.4303', { auth: false, retryable: true, throttled: true }],
    [400, 'DIS.4305', { auth: false, retryable: true, throttled: true }],
    [429, 'APIGW.0308', { auth: false, retryable: true, throttled: true }],
    [500, 'DIS.5000', { auth: false, retryable: true, throttled: false }],
    [502, undefined, { auth: false, retryable: true, throttled: false }],
    [503, undefined, { auth: false, retryable: true, throttled: false }],
    [504, undefined, { auth: false, retryable: true, throttled: false }],
    [401, 'APIGW.0301', { auth: true, retryable: false, throttled: false }],
    [403, 'DIS.4116', { auth: true, retryable: false, throttled: false }],
    [441, 'DIS.4102', { auth: true, retryable: false, throttled: false }],
    [400, 'DIS.4309', { auth: true, retryable: false, throttled: false }],
    [503, 'DIS.4309', { auth: true, retryable: false, throttled: false }],
    [400, 'DIS.4301', { auth: false, retryable: false, throttled: false }],
    [404, undefined, { auth: false, retryable: false, throttled: false }],
    [501, undefined, { auth: false, retryable: false, throttled: false }],
    // a code says more than a status
    [400, 'DIS.4117', { auth: false, retryable: false, throttled: false }],
    [403, 'DIS.4117', { auth: false, retryable: false, throttled: false }],
    [403, 'APIGW.0308', { auth: false, retryable: true, throttled: true }],
    [401, 'APIG.0308', { auth: false, retryable: true, throttled: true }],
    [429, 'APIGW.0301', { auth: true, retryable: false, throttled: false }],
  ])('HTTP %i %s', (status, code, expected) => {
    expect(classifyServiceFailure(status, code)).toEqual(expected);
  });
});

describe('describeServiceFailure', () => {
  test('says which stream, where, the service words, the fix and the support facts', () => {
    expect(
      describeServiceFailure({
        httpStatus: 400,
        serviceCode: 'DIS.4301',
        serviceMessage: 'The stream does not exist.',
        streamName: 'orders',
        projectId: 'p1',
        region: 'cn-north-4',
        operation: 'ListTransferTasks',
        requestId: 'r-1',
        attempts: 1,
      }),
    ).toBe(
      "stream 'orders' not found in project p1, region cn-north-4 (DIS.4301: The stream does not exist.): " +
        'check the stream name and the region [ListTransferTasks, request id r-1, 1 attempt]',
    );
  });

  test.each([
    [{ httpStatus: 400, serviceCode: 'DIS.4309' }, 'stop retrying'],
    [{ httpStatus: 401, credentialKind: 'aksk' as const }, 'locked for 5 minutes'],
    [{ httpStatus: 401, credentialKind: 'aksk' as const }, 'system clock'],
    [
      { httpStatus: 401, credentialSource: 'HW_AUTH_TOKEN' },
      'check the credentials taken from HW_AUTH_TOKEN',
    ],
    [{ httpStatus: 401, credentialKind: 'token' as const }, 'it may have expired'],
    [{ httpStatus: 403, serviceCode: 'APIGW.0308' }, 'the request was throttled'],
    [{ httpStatus: 403 }, 'DIS ReadOnlyAccess'],
    [{ httpStatus: 429 }, 'throttled'],
    [{ httpStatus: 429, serviceCode: 'APIGW.0308' }, 'the request was throttled'],
    [{ httpStatus: 401, serviceCode: 'APIGW.0301' }, 'the credentials were rejected'],
    [{ httpStatus: 503, attempts: 3 }, '3 attempts'],
    [{ httpStatus: 400, serviceCode: 'DIS.4354', taskName: 't1' }, "transfer task 't1' not found"],
  ])('words %j with a fix', (facts, expected) => {
    expect(describeServiceFailure(facts)).toContain(expected);
  });
});

describe('the fix of refused credentials depends on their kind', () => {
  test('a wrong password gets no hint about clock skew or key lockout, and points at the region', () => {
    const text = describeServiceFailure({
      httpStatus: 401,
      serviceCode: '401',
      credentialKind: 'password',
      credentialSource: 'HW_USER_NAME',
      region: 'cn-north-9',
    });
    expect(text).toContain('check the user name, password and account (domain) name taken from HW_USER_NAME');
    expect(text).toContain("the region 'cn-north-9'");
    expect(text).not.toMatch(/clock|locked|signature/i);
  });

  test('a token gets no hint about clock skew or key lockout either', () => {
    const text = describeServiceFailure({
      httpStatus: 401,
      serviceCode: 'APIGW.0301',
      credentialKind: 'token',
    });
    expect(text).not.toMatch(/clock|locked/i);
  });
});

describe('DIS.4117 is a configuration error, worded so', () => {
  test('an invalid project id says check the region and the project id, not that credentials were rejected', () => {
    const text = describeServiceFailure({
      httpStatus: 400,
      serviceCode: 'DIS.4117',
      serviceMessage: 'Invalid Project Id. [0123]',
      projectId: '0123',
      region: 'cn-north-4',
    });
    expect(text).toMatch(/^the project id is not valid in project 0123, region cn-north-4 \(DIS\.4117: /);
    expect(text).toContain('check the region and the project id');
    expect(text).not.toContain('credentials');
  });
});

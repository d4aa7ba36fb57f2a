import { classifyServiceFailure } from '../../../src/client/errors/classify-service-failure';

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
  ])('HTTP %i %s', (status, code, expected) => {
    expect(classifyServiceFailure(status, code)).toEqual(expected);
  });
});

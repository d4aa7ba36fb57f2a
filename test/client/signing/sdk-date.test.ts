import { formatSdkDate, parseSdkDate } from '../../../src/client/signing/sdk-date';

describe('X-Sdk-Date', () => {
  test('formats UTC in ISO 8601 basic form, seconds precision', () => {
    expect(formatSdkDate(new Date('2019-11-15T03:36:55.999Z'))).toBe('20191115T033655Z');
  });

  test('parses what it formats and rejects other shapes', () => {
    expect(parseSdkDate('20191115T033655Z')?.toISOString()).toBe('2019-11-15T03:36:55.000Z');
    expect(parseSdkDate('2019-11-15T03:36:55Z')).toBeUndefined();
    expect(parseSdkDate('20191315T033655Z')).toBeUndefined();
    expect(parseSdkDate('20191115T033661Z')).toBeUndefined();
  });
});

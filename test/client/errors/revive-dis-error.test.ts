import { DisError } from '../../../src/client/dis-error';
import {
  DisApiError,
  DisAuthError,
  DisConfigError,
  DisNetworkError,
  DisResponseError,
  reviveDisError,
} from '../../../src/client/errors';

describe('reviveDisError', () => {
  const originals: DisError[] = [
    new DisApiError('m1', {
      httpStatus: 400,
      serviceCode: 'DIS.4301',
      retryable: false,
      attempts: 1,
      streamName: 's',
    }),
    new DisAuthError('m2', { httpStatus: 401, serviceCode: 'APIGW.0301', credentialSource: 'HW_ACCESS_KEY' }),
    new DisNetworkError('m3', { causeCode: 'ECONNREFUSED', attempts: 3 }),
    new DisResponseError('m4', {
      httpStatus: 200,
      reason: 'SCHEMA_MISMATCH',
      issues: ['tasks.0.state: required'],
    }),
    new DisConfigError('m5', { field: 'streamName', rule: '1-60 characters' }),
  ];

  test.each(originals.map((e) => [e.code, e] as const))(
    'rebuilds %s with its class, message and details',
    (_c, e) => {
      const revived = reviveDisError(JSON.parse(JSON.stringify(e)));
      expect(revived.constructor).toBe(e.constructor);
      expect(revived.toJSON()).toEqual(e.toJSON());
      expect(DisError.isDisError(revived)).toBe(true);
    },
  );

  test('copies the typed properties back', () => {
    const revived = reviveDisError(originals[0].toJSON()) as DisApiError;
    expect(revived.httpStatus).toBe(400);
    expect(revived.serviceCode).toBe('DIS.4301');
  });

  test('keeps an unknown code and name as a plain DisError', () => {
    const revived = reviveDisError({
      name: 'LookupMissingError',
      code: 'DIS_LOOKUP_MISSING',
      message: 'm',
      details: { a: 1 },
    });
    expect(revived.code).toBe('DIS_LOOKUP_MISSING');
    expect(revived.name).toBe('LookupMissingError');
    expect(revived.details).toEqual({ a: 1 });
  });
});

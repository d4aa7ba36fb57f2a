import { LookupMode, resolveLookupMode } from '../../src/lookup/lookup-mode';

describe('resolveLookupMode', () => {
  test('the prop wins over context and environment', () => {
    expect(resolveLookupMode('live', 'offline', { DIS_LOOKUP_MODE: 'refresh' })).toEqual({
      mode: LookupMode.LIVE,
      from: 'prop',
    });
  });

  test('cdktf context wins over the environment', () => {
    expect(resolveLookupMode(undefined, 'offline', { DIS_LOOKUP_MODE: 'refresh' })).toEqual({
      mode: LookupMode.OFFLINE,
      from: 'context',
    });
  });

  test('the environment is used when neither prop nor context is set, case-insensitively', () => {
    expect(resolveLookupMode(undefined, undefined, { DIS_LOOKUP_MODE: ' Refresh ' })).toEqual({
      mode: LookupMode.REFRESH,
      from: 'env',
    });
  });

  test('defaults to auto', () => {
    expect(resolveLookupMode(undefined, undefined, {})).toEqual({ mode: LookupMode.AUTO, from: 'default' });
    expect(resolveLookupMode(undefined, '', { DIS_LOOKUP_MODE: '' }).mode).toBe(LookupMode.AUTO);
  });

  test('an unknown mode names where it was set and lists the valid ones', () => {
    expect(() => resolveLookupMode(undefined, undefined, { DIS_LOOKUP_MODE: 'cached' })).toThrow(
      'Unknown lookup mode "cached" in the environment variable DIS_LOOKUP_MODE. Use one of: auto, refresh, offline, live.',
    );
    expect(() => resolveLookupMode(undefined, 42, {})).toThrow(/cdktf context "dis-transfer-tasks:mode"/);
  });
});

import { TerraformStack, Testing } from 'cdktf';
import { LookupMode } from '../../src/lookup/lookup-mode';
import { resolveLookupSettings } from '../../src/lookup/lookup-settings';
import { MemoryContextStore } from '../../src/lookup/context-store';

// The lookup mode is an operator setting (issue 9): DIS_LOOKUP_MODE, then cdktf context, then
// the prop, then auto. Before, the prop came first and the environment last.
function modeOf(
  prop: LookupMode | undefined,
  context: unknown,
  env: Record<string, string | undefined>,
): { mode: LookupMode; modeFrom: string } {
  const stack = new TerraformStack(Testing.app({ context: { 'dis-transfer-tasks:mode': context } }), 's');
  const { mode, modeFrom } = resolveLookupSettings(
    stack,
    { mode: prop, contextStore: new MemoryContextStore() },
    env,
  );
  return { mode, modeFrom };
}

describe('the lookup mode', () => {
  test('the environment wins over cdktf context and the prop', () => {
    expect(modeOf(LookupMode.LIVE, 'offline', { DIS_LOOKUP_MODE: 'refresh' })).toEqual({
      mode: LookupMode.REFRESH,
      modeFrom: 'env',
    });
  });

  test('cdktf context wins over the prop', () => {
    expect(modeOf(LookupMode.LIVE, 'offline', {})).toEqual({ mode: LookupMode.OFFLINE, modeFrom: 'context' });
  });

  test('the prop is used when neither the environment nor cdktf context sets it', () => {
    expect(modeOf(LookupMode.LIVE, undefined, {})).toEqual({ mode: LookupMode.LIVE, modeFrom: 'prop' });
  });

  test('the environment is read case-insensitively, around spaces', () => {
    expect(modeOf(undefined, undefined, { DIS_LOOKUP_MODE: ' Refresh ' })).toEqual({
      mode: LookupMode.REFRESH,
      modeFrom: 'env',
    });
  });

  test('defaults to auto; empty values count as unset', () => {
    expect(modeOf(undefined, undefined, {})).toEqual({ mode: LookupMode.AUTO, modeFrom: 'default' });
    expect(modeOf(undefined, '', { DIS_LOOKUP_MODE: '' }).mode).toBe(LookupMode.AUTO);
  });

  test('an unknown mode names where it was set and lists the valid ones', () => {
    expect(() => modeOf(undefined, undefined, { DIS_LOOKUP_MODE: 'cached' })).toThrow(
      '"cached" in the environment variable DIS_LOOKUP_MODE is not a valid mode: use one of auto, refresh, offline, live.',
    );
    expect(() => modeOf(undefined, 42, {})).toThrow(
      expect.objectContaining({
        code: 'DIS_LOOKUP_CONFIG',
        message: expect.stringContaining('cdktf context "dis-transfer-tasks:mode"'),
      }),
    );
  });
});

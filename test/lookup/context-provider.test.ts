import { resolve } from 'node:path';
import { App, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { DisError } from '../../src/client/errors';
import {
  SETTING_PRECEDENCE,
  refuseTokens,
  resolveLookupSettings,
  resolveOperatorSetting,
  type OperatorSettingSpec,
} from '../../src/lookup/context-provider';
import { FileContextStore, MemoryContextStore } from '../../src/lookup/context-store';
import {
  DisProjectTransferTasks,
  DisTransferTasks,
  LookupMode,
  type DisTransferTasksProps,
} from '../../src/lookup/dis-transfer-tasks';
import { Duration } from '../../src/lookup/duration';
import { PROJECT_ID, REGION, thrownDisError } from './helpers';

const spec: OperatorSettingSpec<'auto' | 'offline'> = {
  prop: 'mode',
  contextKey: 'example:mode',
  envVar: 'EXAMPLE_MODE',
  values: ['auto', 'offline'],
  defaultValue: 'auto',
};

function stack(context: Record<string, unknown> = {}): TerraformStack {
  return new TerraformStack(new App({ context, skipValidation: true }), 's');
}

const invalid = (message: string, where: string): Error => Object.assign(new Error(message), { where });

describe('refuseTokens', () => {
  const refuse = (path: string): Error => new Error(`token at ${path}`);

  test('names the first token by its path, at any depth of arrays and plain objects', () => {
    const s = stack();
    const v = new TerraformVariable(s, 'v', {});
    expect(() => refuseTokens({ streamName: v.stringValue }, refuse)).toThrow('token at streamName');
    expect(() => refuseTokens({ credentials: { accessKey: 'a', secretKey: v.stringValue } }, refuse)).toThrow(
      'token at credentials.secretKey',
    );
    expect(() =>
      refuseTokens({ acknowledgements: [{ task: 't', reason: 'r' }, { task: v.stringValue }] }, refuse),
    ).toThrow('token at acknowledgements[1].task');
    expect(() => refuseTokens({ minTasks: v.numberValue }, refuse)).toThrow('token at minTasks');
    expect(() => refuseTokens({ requiredTasks: v.listValue }, refuse)).toThrow('token at requiredTasks');
  });

  test('accepts literals and skips class instances such as constructs', () => {
    const s = stack();
    expect(() =>
      refuseTokens(
        { streamName: 'orders', lookup: s, tasks: ['a', { b: 1 }], n: 3, none: undefined },
        refuse,
      ),
    ).not.toThrow();
    expect(Token.isUnresolved('orders')).toBe(false);
  });
});

describe('resolveOperatorSetting', () => {
  test('the precedence is environment, then cdktf context, then the prop, then the default', () => {
    expect(SETTING_PRECEDENCE).toEqual(['env', 'context', 'prop', 'default']);
    const s = stack({ 'example:mode': 'offline' });
    expect(resolveOperatorSetting(s, spec, 'auto', { EXAMPLE_MODE: 'OFFLINE' }, invalid)).toEqual({
      value: 'offline',
      from: 'env',
      where: 'the environment variable EXAMPLE_MODE',
    });
    expect(resolveOperatorSetting(s, spec, 'auto', {}, invalid)).toEqual({
      value: 'offline',
      from: 'context',
      where: 'cdktf context "example:mode"',
    });
    expect(resolveOperatorSetting(stack(), spec, ' Offline ', { EXAMPLE_MODE: '  ' }, invalid)).toEqual({
      value: 'offline',
      from: 'prop',
      where: 'the `mode` prop of s',
    });
    expect(resolveOperatorSetting(stack({ 'example:mode': '' }), spec, undefined, {}, invalid)).toEqual({
      value: 'auto',
      from: 'default',
      where: 'the default',
    });
  });

  test('an unknown value names where it was set and the values allowed', () => {
    expect(() =>
      resolveOperatorSetting(stack(), spec, undefined, { EXAMPLE_MODE: 'sometimes' }, invalid),
    ).toThrow(
      '"sometimes" in the environment variable EXAMPLE_MODE is not a valid mode: use one of auto, offline.',
    );
    expect(() => resolveOperatorSetting(stack({ 'example:mode': 3 }), spec, undefined, {}, invalid)).toThrow(
      expect.objectContaining({ where: 'cdktf context "example:mode"' }),
    );
  });
});

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
        details: { where: 'cdktf context "dis-transfer-tasks:mode"' },
      }),
    );
  });
});

// An endpoint nothing listens on: were a request sent, the lookup would fail with
// DIS_LOOKUP_FAILED (a network error), not with the DIS_LOOKUP_CONFIG these tests expect.
const UNREACHABLE = { endpoint: 'http://127.0.0.1:9', credentials: { authToken: 'never-sent-token' } };

function lookupStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

/** What a stream lookup throws with `props` over valid ones (and a memory store, an unreachable endpoint). */
function streamLookupError(props: Partial<DisTransferTasksProps>, id = 'Orders'): DisError {
  return thrownDisError(
    () =>
      new DisTransferTasks(lookupStack(), id, {
        streamName: 'orders',
        region: REGION,
        projectId: PROJECT_ID,
        contextStore: new MemoryContextStore(),
        ...UNREACHABLE,
        ...props,
      }),
  );
}

describe('lookup inputs are checked before any cache read or request', () => {
  test('a stream name outside the API rule names the construct, the value and the rule', () => {
    const error = streamLookupError({ streamName: 'orders stream!' });
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toBe(
      `DIS_LOOKUP_CONFIG: [stack/Orders] streamName 'orders stream!' is not valid: it must be 1-64 characters of letters, digits, "_" and "-".`,
    );
    expect(error.details).toMatchObject({ constructPath: 'stack/Orders', field: 'streamName' });
  });

  test('a stream name longer than 64 characters is refused', () => {
    const error = streamLookupError({ streamName: 'x'.repeat(65) }, 'Long');
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toContain('streamName');
  });

  test('a project id of the wrong shape is refused with its field named', () => {
    const error = streamLookupError({ projectId: 'not/a/project' });
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toMatch(
      /^DIS_LOOKUP_CONFIG: \[stack\/Orders\] projectId 'not\/a\/project' is not valid: it must be /,
    );
  });

  test('a region of the wrong shape is refused, for the project-wide lookup too', () => {
    const error = thrownDisError(
      () =>
        new DisProjectTransferTasks(lookupStack(), 'All', {
          region: 'CN North 4',
          projectId: PROJECT_ID,
          contextStore: new MemoryContextStore(),
          ...UNREACHABLE,
        }),
    );
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toMatch(
      /^DIS_LOOKUP_CONFIG: \[stack\/All\] region 'CN North 4' is not valid: it must be /,
    );
  });

  test('region and project come from the client chain: environment values trimmed, a bad one named by its variable', () => {
    const store = { contextStore: new MemoryContextStore() };
    const settings = resolveLookupSettings(lookupStack(), store, {
      HW_REGION_NAME: ` ${REGION}\n`,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
    });
    expect([settings.client.region, settings.client.projectId]).toEqual([REGION, PROJECT_ID]);
    const error = thrownDisError(() =>
      resolveLookupSettings(lookupStack(), store, { HW_REGION_NAME: 'CN North 4' }),
    );
    expect(error.code).toBe('DIS_LOOKUP_CONFIG');
    expect(error.message).toMatch(
      /^DIS_LOOKUP_CONFIG: \[stack\] HW_REGION_NAME 'CN North 4' is not valid: it must be /,
    );
    expect(error.details).toMatchObject({ constructPath: 'stack', field: 'HW_REGION_NAME' });
  });

  test('valid inputs pass the checks (and then fail only on the unreachable endpoint)', () => {
    const error = streamLookupError({ streamName: 'orders_2-b', timeoutMs: 5_000 });
    expect(error.code).toBe('DIS_LOOKUP_FAILED');
  });
});

describe('refuseTokens skips what holds no prop value', () => {
  const refuse = (path: string): Error => new Error(`token at ${path}`);

  test('null values are skipped', () => {
    expect(() =>
      refuseTokens({ streamName: 'orders', endpoint: null, nested: { a: null } }, refuse),
    ).not.toThrow();
  });

  test('a token inside a class instance is not searched for', () => {
    const v = new TerraformVariable(stack(), 'v', {});
    class Holder {
      public readonly value = v.stringValue;
    }
    expect(() => refuseTokens({ holder: new Holder() }, refuse)).not.toThrow();
    expect(() => refuseTokens({ holder: { value: v.stringValue } }, refuse)).toThrow('token at holder.value');
  });
});

describe('resolveOperatorSetting: values that count as unset', () => {
  test('a null in cdktf context falls through to the prop', () => {
    expect(
      resolveOperatorSetting(stack({ 'example:mode': null }), spec, 'offline', {}, invalid),
    ).toStrictEqual({
      value: 'offline',
      from: 'prop',
      where: 'the `mode` prop of s',
    });
  });

  test('a value that is not a string is refused, shown as JSON', () => {
    expect(() => resolveOperatorSetting(stack(), spec, { mode: 'auto' }, {}, invalid)).toThrow(
      '{"mode":"auto"} in the `mode` prop of s is not a valid mode: use one of auto, offline.',
    );
  });
});

describe('resolveLookupSettings: the store, maxAge', () => {
  test('a given context store is used and named "the context store"', () => {
    const contextStore = new MemoryContextStore();
    const settings = resolveLookupSettings(stack(), { contextStore }, {});
    expect(settings.store).toBe(contextStore);
    expect(settings.storeLabel).toBe('the context store');
  });

  test('without one, the file is the contextFile prop, else DIS_LOOKUP_CONTEXT_FILE (trimmed), else cdktf.context.json', () => {
    const env = { DIS_LOOKUP_CONTEXT_FILE: ' /tmp/from-env.json ' };
    expect(resolveLookupSettings(stack(), { contextFile: '/tmp/from-prop.json' }, env).storeLabel).toBe(
      '/tmp/from-prop.json',
    );
    expect(resolveLookupSettings(stack(), {}, env).storeLabel).toBe('/tmp/from-env.json');
    expect(resolveLookupSettings(stack(), {}, { DIS_LOOKUP_CONTEXT_FILE: '  ' }).storeLabel).toBe(
      resolve('cdktf.context.json'),
    );
    expect(resolveLookupSettings(stack(), {}, {}).storeLabel).toBe(resolve('cdktf.context.json'));
  });

  test('lookups of one file share one FileContextStore', () => {
    const first = resolveLookupSettings(stack(), { contextFile: '/tmp/shared.json' }, {}).store;
    expect(first).toBeInstanceOf(FileContextStore);
    expect(resolveLookupSettings(stack(), {}, { DIS_LOOKUP_CONTEXT_FILE: '/tmp/shared.json' }).store).toBe(
      first,
    );
    expect(resolveLookupSettings(stack(), { contextFile: '/tmp/other.json' }, {}).store).not.toBe(first);
  });

  test('maxAge is kept in seconds; without it there is none', () => {
    const contextStore = new MemoryContextStore();
    expect(
      resolveLookupSettings(stack(), { contextStore, maxAge: Duration.hours(1) }, {}).maxAgeSeconds,
    ).toBe(3600);
    expect('maxAgeSeconds' in resolveLookupSettings(stack(), { contextStore }, {})).toBe(false);
  });
});

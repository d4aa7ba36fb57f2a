import { App, TerraformStack, TerraformVariable, Token } from 'cdktf';
import {
  SETTING_PRECEDENCE,
  refuseTokens,
  resolveOperatorSetting,
  type OperatorSettingSpec,
} from '../../src/lookup/synth-inputs';

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

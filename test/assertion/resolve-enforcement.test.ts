import { TerraformStack, Testing } from 'cdktf';
import { Enforcement } from '../../src/assertion/enforcement';
import { resolveEnforcement } from '../../src/assertion/resolve-enforcement';

function stack(context: Record<string, unknown> = {}): TerraformStack {
  return new TerraformStack(Testing.app({ context }), 'demo');
}

describe('resolveEnforcement', () => {
  test('defaults to SYNTH, then takes the prop', () => {
    expect(resolveEnforcement(stack(), undefined, {})).toEqual({
      enforcement: Enforcement.SYNTH,
      from: 'default',
    });
    expect(resolveEnforcement(stack(), Enforcement.PLAN, {})).toEqual({
      enforcement: Enforcement.PLAN,
      from: 'prop',
    });
  });

  test('context beats the prop, and the environment beats both (case-insensitive)', () => {
    const s = stack({ 'dis-transfer-tasks:enforcement': 'apply' });
    expect(resolveEnforcement(s, Enforcement.PLAN, {})).toEqual({
      enforcement: Enforcement.APPLY,
      from: 'context',
    });
    expect(resolveEnforcement(s, Enforcement.PLAN, { DIS_GATE_ENFORCEMENT: 'Warn' })).toEqual({
      enforcement: Enforcement.WARN,
      from: 'env',
    });
  });

  test('an empty environment variable is ignored', () => {
    expect(resolveEnforcement(stack(), Enforcement.PLAN, { DIS_GATE_ENFORCEMENT: '' }).from).toBe('prop');
  });

  test('an unknown value names where it was set', () => {
    expect(() => resolveEnforcement(stack(), undefined, { DIS_GATE_ENFORCEMENT: 'off' })).toThrow(
      'The environment variable DIS_GATE_ENFORCEMENT is "off", which is not an enforcement; use one of SYNTH, PLAN, APPLY, WARN.',
    );
    expect(() => resolveEnforcement(stack({ 'dis-transfer-tasks:enforcement': 3 }), undefined, {})).toThrow(
      'The cdktf context "dis-transfer-tasks:enforcement" is 3, which is not an enforcement; use one of SYNTH, PLAN, APPLY, WARN.',
    );
    expect(() => resolveEnforcement(stack(), 'NEVER' as Enforcement, {})).toThrow(
      'The prop enforcement of demo is "NEVER", which is not an enforcement; use one of SYNTH, PLAN, APPLY, WARN.',
    );
  });
});

import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { stackFileName } from '../../../src/assertion/private/stack-file-name';

describe('stackFileName', () => {
  test('names a file after the construct path inside its stack', () => {
    const stack = new TerraformStack(Testing.app(), 'demo');
    const nested = new Construct(new Construct(stack, 'Team'), 'Orders Gate!');
    expect(stackFileName(new Construct(stack, 'Gate'), stack.node.path, 'report.json')).toBe(
      'dis-gate.Gate.report.json',
    );
    expect(stackFileName(nested, stack.node.path, 'gate.json')).toBe('dis-gate.Team.Orders_Gate_.gate.json');
  });
});

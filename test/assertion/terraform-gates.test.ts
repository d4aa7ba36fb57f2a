import { Fn, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { stackFileName, TerraformData } from '../../src/assertion/terraform-gates';

describe('TerraformData', () => {
  test('synthesizes a provider-less terraform_data with input, triggers_replace and preconditions', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'demo');
    new TerraformData(stack, 'gate', {
      input: { a: 1 },
      triggersReplace: Fn.timestamp(),
      preconditions: [{ condition: '${var.ok}', errorMessage: 'not ok' }],
    });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.terraform_data.gate).toEqual({
      input: { a: 1 },
      triggers_replace: '${timestamp()}',
      lifecycle: { precondition: [{ condition: '${var.ok}', error_message: 'not ok' }] },
    });
    expect(json.provider).toBeUndefined();
    expect(json.terraform?.required_providers).toBeUndefined();
  });

  test('renders preconditions as HCL blocks with a heredoc for multi-line messages', () => {
    const stack = new TerraformStack(Testing.app(), 'demo');
    new TerraformData(stack, 'gate', {
      input: 'x',
      preconditions: [{ condition: '${var.ok}', errorMessage: 'line one\nline two' }],
    });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toContain('precondition {');
    expect(hcl).toContain('error_message = <<EOF\nline one\nline two\nEOF');
    expect(hcl).not.toContain('precondition = [');
    expect(hcl).not.toContain('triggers_replace');
  });
});

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

import { Fn, TerraformStack, Testing } from 'cdktf';
import { TerraformData } from '../../../src/assertion/private/terraform-data';

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

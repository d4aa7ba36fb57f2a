import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import fc from 'fast-check';
import { addOutputs, escapeTemplate, escapeTemplates } from '../../src/lookup/terraform-json';

describe('escapeTemplate', () => {
  test('doubles the introducers of interpolations and directives', () => {
    expect(escapeTemplate('a ${var.x} b %{if c} d')).toBe('a $${var.x} b %%{if c} d');
  });

  test('leaves lone dollars, percents and braces alone', () => {
    expect(escapeTemplate('cost $5 at 50% {ok}')).toBe('cost $5 at 50% {ok}');
  });

  test('escapes every occurrence, and text that already looks escaped', () => {
    expect(escapeTemplate('${a}${b}')).toBe('$${a}$${b}');
    expect(escapeTemplate('$${a} %%{b}')).toBe('$$${a} %%%{b}');
  });

  test('Terraform reads any escaped text back as the text, never as an interpolation or a directive', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '%', '{', '}', 'a') }), (text) => {
        expect(readTemplate(escapeTemplate(text))).toBe(text);
      }),
    );
  });
});

/**
 * How Terraform reads a template, scanning left to right: `$${` and `%%{` are a literal `${` and
 * `%{`; any other `${` or `%{` starts an interpolation or a directive (here: an error).
 */
function readTemplate(template: string): string {
  let out = '';
  for (let i = 0; i < template.length;) {
    const rest = template.slice(i);
    if (rest.startsWith('$${') || rest.startsWith('%%{')) {
      out += `${rest[0]}{`;
      i += 3;
    } else if (rest.startsWith('${') || rest.startsWith('%{')) {
      throw new Error(`template sequence at ${i} of ${JSON.stringify(template)}`);
    } else {
      out += rest[0];
      i += 1;
    }
  }
  return out;
}

describe('escapeTemplates', () => {
  test('escapes every string of plain data, object keys included, and keeps the rest', () => {
    expect(escapeTemplates({ 'k${x}': ['%{y}', 1, true, null, { z: '${z}' }] })).toEqual({
      'k$${x}': ['%%{y}', 1, true, null, { z: '$${z}' }],
    });
  });
});

// Terraform itself decides what an escape means: outputs built from hostile strings must come out of
// `terraform apply` exactly as they went in, nothing evaluated.
const HOSTILE = [
  'x${file("/etc/hostname")}',
  '%{ if true }directive%{ endif }',
  '$${already-escaped}',
  '$$${x}',
  'tail$',
  '50% {ok}',
];

describe('the outputs, through the real terraform binary', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dis-tf-escape-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('hostile names and states reach `terraform output` unchanged, keys included', () => {
    // GIVEN outputs built from hostile values, as a lookup builds them, in a synthesized stack
    const stack = new TerraformStack(Testing.app({ outdir: dir }), 'escape');
    const states = Object.fromEntries(HOSTILE.map((name, i) => [name, HOSTILE[(i + 1) % HOSTILE.length]]));
    const outputs = addOutputs(stack, HOSTILE, states, 'stream orders');
    const out = Testing.fullSynth(stack);
    const stackDir = join(out, 'stacks', 'escape');
    expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).toContain('x$${file(');
    // WHEN terraform applies it (outputs only: no provider, no network)
    const tf = (...args: string[]) => {
      const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
      delete env.TF_CLI_CONFIG_FILE;
      const r = spawnSync('terraform', args, { cwd: stackDir, env, encoding: 'utf8', timeout: 120_000 });
      expect({ args, status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({
        args,
        status: 0,
        stderr: '',
      });
      return r.stdout;
    };
    tf('init', '-input=false', '-no-color');
    tf('apply', '-auto-approve', '-input=false', '-no-color');
    const values = JSON.parse(tf('output', '-json')) as Record<string, { value: unknown }>;
    // THEN every string is the original
    expect(values[outputs.taskNames.friendlyUniqueId].value).toEqual(HOSTILE);
    expect(values[outputs.taskStates.friendlyUniqueId].value).toEqual(states);
  });
});

// What this library writes into synthesized Terraform JSON. Terraform reads every string of an
// expression in `cdk.tf.json` as a template, object keys included: a looked-up value holding
// `${file("/etc/hostname")}` would be evaluated by `terraform plan` (issue 11). Every part escapes
// what it writes with the one function here (DESIGN decision 13); the lookup's outputs are built
// with it, and the gate imports it from here (the lookup cannot import the gate).
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';

/**
 * Escapes text for a Terraform string template: `${` becomes `$${` and `%{` becomes `%%{`, which
 * Terraform renders back as the original text instead of interpolating it or running a directive.
 * Lone `$`, `%` and braces are left alone (Terraform keeps them as they are).
 */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * A copy of `value` (plain data: strings, numbers, booleans, null, arrays, plain objects) with
 * every string escaped by {@link escapeTemplate}, object keys included.
 */
export function escapeTemplates<T>(value: T): T {
  return escapeDeep(value) as T;
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeTemplate(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeTemplate(k), escapeDeep(v)]));
}

/** The two outputs of a lookup created with `outputs: true`. */
export interface LookupOutputs {
  /** `task_names`: the sorted task names (of one stream, or by stream). */
  readonly taskNames: TerraformOutput;
  /** `task_states`: task name to state (of one stream, or by stream). */
  readonly taskStates: TerraformOutput;
}

/**
 * Creates the `task_names` and `task_states` outputs under `scope` (values already sorted), so
 * that `cdktf output` and other stacks can read what synth looked up. The values are escaped:
 * Terraform reads them as templates. The descriptions are literal strings for Terraform and are
 * written as they are.
 */
export function addOutputs(
  scope: Construct,
  names: unknown,
  states: unknown,
  subject: string,
): LookupOutputs {
  return {
    taskNames: new TerraformOutput(scope, 'task_names', {
      value: escapeTemplates(names),
      description: `Names of the DIS transfer tasks of ${subject}, sorted, as looked up at synth.`,
    }),
    taskStates: new TerraformOutput(scope, 'task_states', {
      value: escapeTemplates(states),
      description: `States of the DIS transfer tasks of ${subject}, by task name, as looked up at synth.`,
    }),
  };
}

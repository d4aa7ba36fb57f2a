import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';

/** The two outputs a lookup creates with `outputs: true`. */
export interface LookupOutputs {
  /** `task_names`: the task names, sorted. */
  readonly taskNames: TerraformOutput;
  /** `task_states`: task name to state, keys sorted. */
  readonly taskStates: TerraformOutput;
}

/** Creates the `task_names` and `task_states` outputs under `scope`; values must already be sorted. */
export function addLookupOutputs(
  scope: Construct,
  names: unknown,
  states: unknown,
  subject: string,
): LookupOutputs {
  return {
    taskNames: new TerraformOutput(scope, 'task_names', {
      value: names,
      description: `Names of the DIS transfer tasks of ${subject}, sorted, as looked up at synth.`,
    }),
    taskStates: new TerraformOutput(scope, 'task_states', {
      value: states,
      description: `States of the DIS transfer tasks of ${subject}, by task name, as looked up at synth.`,
    }),
  };
}

import { createHash } from 'node:crypto';
import { Fn, type TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import type { GateFile } from '../gate-file';
import { escapeTemplate } from './escape-template';
import { TerraformData } from './terraform-data';

/**
 * Adds the apply-time gate under `scope`: a `terraform_data` whose `local-exec` runs
 * `<cliCommand> check --gate-file "<gateFileName>"` in the stack's folder. `timestamp()` is
 * unknown until apply, so the resource is replaced, and the check re-run, on every apply; the
 * gate file's digest in `input` shows rule changes in plans. `cliCommand` is taken literally
 * (no Terraform interpolation).
 */
export function addApplyGate(
  scope: Construct,
  gateFile: GateFile,
  gateFileName: string,
  cliCommand: string,
): TerraformResource {
  const digest = createHash('sha256').update(JSON.stringify(gateFile)).digest('hex');
  return new TerraformData(scope, 'Gate', {
    input: { gate_file: gateFileName, gate_file_sha256: digest },
    triggersReplace: Fn.timestamp(),
    provisioners: [
      { type: 'local-exec', command: escapeTemplate(`${cliCommand} check --gate-file "${gateFileName}"`) },
    ],
  });
}

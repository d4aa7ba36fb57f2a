import { TerraformLocal, type TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import type { GateReport } from '../gate-report';
import type { GateSnapshot } from '../rule-context';
import { escapeTemplate } from './escape-template';
import { TerraformData } from './terraform-data';

/**
 * Adds the plan-time gate under `scope`: a local holding the snapshot and the verdict, and a
 * `terraform_data` whose precondition references it. Terraform refuses conditions that reference
 * nothing (research/cdktf.md §3.1) and re-evaluates preconditions on every plan, so the plan fails
 * with `message` for as long as the verdict has errors.
 */
export function addPlanGate(
  scope: Construct,
  snapshots: readonly GateSnapshot[],
  report: GateReport,
  message: string,
): TerraformResource {
  const snapshot = new TerraformLocal(scope, 'Snapshot', {
    healthy: report.healthy,
    errors: report.summary.errors,
    streams: snapshots.map((s) => ({
      stream: s.streamName,
      fetched_at: s.fetchedAt,
      tasks: [...s.tasks]
        .sort((a, b) => (a.taskName < b.taskName ? -1 : 1))
        .map((t) => ({
          name: t.taskName,
          state: t.state,
          destination_type: t.destinationType,
          last_transfer_timestamp: t.lastTransferTimestamp ?? 0,
        })),
    })),
  });
  return new TerraformData(scope, 'Gate', {
    input: snapshot.asAnyMap,
    preconditions: [
      {
        condition: `\${local.${snapshot.friendlyUniqueId}.errors == 0}`,
        errorMessage: escapeTemplate(message),
      },
    ],
  });
}

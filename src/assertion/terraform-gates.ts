// The Terraform side of the gate (not exported from the package): the plan-time and apply-time
// gates, the provider-less terraform_data resource they are made of, and the names of the files a
// gate writes beside its stack. Text written into Terraform templates goes through the one escape,
// escapeTemplate (lookup/terraform-json.ts).
import { createHash } from 'node:crypto';
import {
  anyToHclTerraform,
  anyToTerraform,
  Fn,
  TerraformLocal,
  TerraformResource,
  type TerraformMetaArguments,
} from 'cdktf';
import type { Construct } from 'constructs';
import { escapeTemplate, escapeTemplates } from '../lookup/terraform-json';
import type { GateSnapshot } from './evaluate-gate';
import type { GateFile } from './gate-file';
import { formatAge, type GateReport } from './gate-report';
import { disSnapshotAge } from './rules/dis-snapshot-age';

/**
 * The snapshot age the plan-time gate re-measures with `plantimestamp()`: the limit, and the
 * streams it applies to (recorded ones that exist; cdktf context values are exempt).
 */
export interface PlanAgeCheck {
  /** The oldest snapshot accepted, in seconds between its fetch and the plan. */
  readonly maxSeconds: number;
  /** The streams whose snapshots are measured. */
  readonly streams: readonly string[];
}

/**
 * Adds the plan-time gate under `scope`: a local holding the snapshot and the verdict, and a
 * `terraform_data` whose preconditions reference it. Terraform refuses conditions that reference
 * nothing (research/cdktf.md §3.1) and re-evaluates preconditions on every plan, so the plan fails
 * with `message` for as long as the verdict has errors, and, with `ageCheck`, once a snapshot is
 * older at plan time than the gate accepts, however long after synth the plan runs. Every string
 * from the snapshot is escaped: Terraform reads strings in the JSON as templates. The verdict and
 * `message` must not depend on the clock: the synthesized JSON stays deterministic.
 */
export function addPlanGate(
  scope: Construct,
  snapshots: readonly GateSnapshot[],
  report: GateReport,
  message: string,
  ageCheck?: PlanAgeCheck,
): TerraformResource {
  const snapshot = new TerraformLocal(
    scope,
    'Snapshot',
    escapeTemplates({
      healthy: report.healthy,
      errors: report.summary.errors,
      ...(ageCheck === undefined ? {} : { max_snapshot_age: `${ageCheck.maxSeconds}s` }),
      streams: snapshots.map((s) => ({
        stream: s.streamName,
        // timeadd() takes RFC 3339 only: the time as the gate read it, written back as such.
        fetched_at: new Date(Date.parse(s.fetchedAt)).toISOString(),
        check_age: ageCheck?.streams.includes(s.streamName) ?? false,
        tasks: [...s.tasks]
          .sort((a, b) => (a.taskName < b.taskName ? -1 : 1))
          .map((t) => ({
            name: t.taskName,
            state: t.state,
            destination_type: t.destinationType,
            last_transfer_timestamp: t.lastTransferTimestamp ?? 0,
          })),
      })),
    }),
  );
  const local = `local.${snapshot.friendlyUniqueId}`;
  return new TerraformData(scope, 'Gate', {
    input: snapshot.asAnyMap,
    preconditions: [
      { condition: `\${${local}.errors == 0}`, errorMessage: escapeTemplate(message) },
      ...(ageCheck === undefined ? [] : [snapshotAgePrecondition(local, ageCheck)]),
    ],
  });
}

/**
 * The precondition that measures each snapshot's age at plan time: `plantimestamp()` against
 * `fetched_at + max_snapshot_age`. Its message, built by Terraform, names the stale streams and
 * their fetch times.
 */
function snapshotAgePrecondition(local: string, ageCheck: PlanAgeCheck): TerraformDataPrecondition {
  const stale = `timecmp(plantimestamp(), timeadd(s.fetched_at, ${local}.max_snapshot_age)) > 0`;
  const staleStreams = `[for s in ${local}.streams : "\${s.stream} (fetched \${s.fetched_at})" if s.check_age && ${stale}]`;
  const rule = disSnapshotAge;
  const text = (literal: string) => escapeTemplate(literal);
  return {
    condition: `\${length([for s in ${local}.streams : s if s.check_age && ${stale}]) == 0}`,
    errorMessage: [
      text(`${rule.id}: at plan time (`),
      '${plantimestamp()}',
      text('), the snapshot of '),
      `\${join(", ", ${staleStreams})}`,
      text(
        ` is older than ${formatAge(ageCheck.maxSeconds)}, the most the gate accepts (synth measured it too; the plan runs later). Fix: ${rule.fix}`,
      ),
    ].join(''),
  };
}

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

/** A precondition of {@link TerraformData}: an expression string and its error message. */
export interface TerraformDataPrecondition {
  /** The condition, a `${…}` expression that must reference another object. */
  readonly condition: string;
  /** The message terraform prints when the condition is false. */
  readonly errorMessage: string;
}

/** Configuration of {@link TerraformData}. */
export interface TerraformDataConfig extends Omit<TerraformMetaArguments, 'lifecycle'> {
  /** Stored in state and shown in plans. */
  readonly input?: unknown;
  /** A change of this value replaces the resource (and so re-runs its provisioners). */
  readonly triggersReplace?: unknown;
  /** Lifecycle preconditions, checked on every plan. */
  readonly preconditions?: TerraformDataPrecondition[];
}

/**
 * Terraform's built-in `terraform_data` resource as a plain `TerraformResource`. cdktf's own
 * `DataResource` runs `terraform version` at synth (research/cdktf.md §2); this one needs no binary
 * and no provider.
 *
 * Preconditions are rendered here rather than through `lifecycle`, because cdktf 0.21's HCL output
 * writes `lifecycle.precondition` as an attribute list with raw newlines, which terraform rejects;
 * here they become `precondition { … }` blocks with heredoc messages.
 */
export class TerraformData extends TerraformResource {
  private readonly input?: unknown;
  private readonly triggersReplace?: unknown;
  private readonly preconditions: TerraformDataPrecondition[];

  public constructor(scope: Construct, id: string, config: TerraformDataConfig) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      provisioners: config.provisioners,
      lifecycle:
        config.preconditions === undefined
          ? undefined
          : { precondition: config.preconditions.map((p) => ({ ...p })) },
    });
    this.input = config.input;
    this.triggersReplace = config.triggersReplace;
    this.preconditions = config.preconditions ?? [];
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { input: anyToTerraform(this.input), triggers_replace: anyToTerraform(this.triggersReplace) };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    const any = (value: unknown): unknown =>
      value === undefined ? undefined : { value: anyToHclTerraform(value), isBlock: false, type: 'any' };
    return { input: any(this.input), triggers_replace: any(this.triggersReplace) };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf types this as any
  public override toHclTerraform(): any {
    const hcl = super.toHclTerraform();
    if (this.preconditions.length === 0) return hcl;
    const text = (value: string): unknown => ({
      value,
      isBlock: false,
      type: 'simple',
      storageClassType: 'string',
    });
    hcl.resource[this.terraformResourceType][this.friendlyUniqueId].lifecycle = {
      isBlock: true,
      type: 'simple',
      value: {
        precondition: {
          isBlock: true,
          type: 'list',
          storageClassType: 'object',
          value: this.preconditions.map((p) => ({
            condition: text(p.condition),
            error_message: text(p.errorMessage),
          })),
        },
      },
    };
    return hcl;
  }
}

/**
 * A file name for something a construct writes beside its stack, unique per construct:
 * `dis-gate.<path inside the stack, dots for slashes>.<suffix>`, e.g. `dis-gate.Gate.report.json`.
 */
export function stackFileName(construct: Construct, stackPath: string, suffix: string): string {
  const relative = construct.node.path.slice(stackPath.length).replace(/^\//, '');
  const safe = relative.replace(/\//g, '.').replace(/[^A-Za-z0-9_.-]/g, '_');
  return `dis-gate.${safe}.${suffix}`;
}

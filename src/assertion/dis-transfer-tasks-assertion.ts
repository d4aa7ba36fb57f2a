// The gate construct: its props, when it stops a deployment (Enforcement, and the operator's
// override of it), and how it turns its props into gate rules, a report and Terraform gates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, App, Manifest, TerraformStack, type TerraformResource } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, type IConstruct } from 'constructs';
import {
  refuseTokens,
  resolveOperatorSetting,
  type OperatorSettingSpec,
  type ResolvedSetting,
} from '../lookup/context-provider';
import type { ITransferTasksLookup } from '../lookup/dis-transfer-tasks';
import type { Duration } from '../lookup/duration';
import { defaultCliCommand, missingCliWarning } from './cli-command';
import { AssertionScopeError, GateConfigError } from './errors';
import { evaluateGate } from './evaluate-gate';
import { gateFileFor, type GateFile } from './gate-file';
import { AcknowledgementState, formatAge, formatGateReport, type GateReport } from './gate-report';
import { disSnapshotAge } from './rules/dis-snapshot-age';
import { parseGateRules, type GateRuleOptions, type GateRules } from './gate-rules';
import { creationSite, gateSarifOptions, GateReportFormat } from './report-files';
import { GateSeverity } from './rules/rule';
import { buildSarifLog } from './sarif';
import type { SarifFileLocation } from './sarif';
import { addApplyGate, addPlanGate, stackFileName, type PlanAgeCheck } from './terraform-gates';

export { GateReportFormat } from './report-files';

/**
 * When a `DisTransferTasksAssertion` stops a deployment. Values are lower case, like the package's
 * other enums; where a value is read (prop, `DIS_GATE_ENFORCEMENT`, cdktf context), case is ignored.
 */
export enum Enforcement {
  /** Fail `cdktf synth` (and so diff and deploy) with a validation error listing every finding. */
  SYNTH = 'synth',
  /**
   * Synth succeeds with a warning; a `terraform_data` resource holding the snapshot carries a
   * precondition, so `terraform plan` (and `cdktf diff`/`deploy`) fails with the findings.
   */
  PLAN = 'plan',
  /**
   * Synth succeeds with a warning; a `terraform_data` resource re-checks the tasks live on every
   * `terraform apply` through the CLI and fails the apply when they are not healthy then.
   */
  APPLY = 'apply',
  /** Findings become warning annotations only. */
  WARN = 'warn',
}

/** Properties of {@link DisTransferTasksAssertion}. Task references are `task-name` or `stream/task-name`. */
export interface DisTransferTasksAssertionProps extends GateRuleOptions {
  /** The lookup whose snapshots are checked: `DisTransferTasks` or `DisProjectTransferTasks`. */
  readonly lookup: ITransferTasksLookup;
  /**
   * The longest time since a task's last transfer, measured against the snapshot's fetch time
   * (not the synth time), so that synth stays deterministic.
   * @default - no lag check
   */
  readonly maxTransferLag?: Duration;
  /**
   * The oldest snapshot the gate evaluates (`DIS-SNAPSHOT-AGE`), measured from its fetch to synth
   * and, under `Enforcement.PLAN`, again at plan time. Snapshots given as cdktf context are exempt;
   * `ignoreSnapshotAge` turns the check off.
   * @default Duration.hours(24)
   */
  readonly maxSnapshotAge?: Duration;
  /**
   * When the gate stops a deployment.
   * @default Enforcement.SYNTH
   */
  readonly enforcement?: Enforcement;
  /**
   * The reports written beside the stack in the synth output: the JSON report
   * (`dis-gate.<path>.report.json`) and SARIF 2.1.0 for code scanning
   * (`dis-gate.<path>.report.sarif`).
   * @default [GateReportFormat.JSON]
   */
  readonly reportFormats?: GateReportFormat[];
  /**
   * The command that runs this package's CLI at apply time (`Enforcement.APPLY` only); it is
   * run as `<cliCommand> check --gate-file <file>` in the stack's working directory.
   * @default - `node "<path of this package's CLI>"` in a Node app; `dis-transfer-tasks` in a
   * Python, Java, C# or Go app (the console script of the Python package, by its absolute path
   * when it is on PATH at synth)
   */
  readonly cliCommand?: string;
}

/**
 * Fails the deployment when the transfer tasks a lookup found are not healthy: by default, when
 * any task is not `RUNNING`. Rules are cdk-nag-like (stable ids, severities, acknowledgements with
 * reasons); `enforcement` decides whether synth, plan or apply stops, or only warns.
 *
 * Must be created inside a `TerraformStack` (cdktf ignores validations anywhere else). Writes a
 * JSON report of every finding beside the stack in the synth output (`reportFileName`), and SARIF
 * for code scanning with `reportFormats`. Refuses snapshots older than `maxSnapshotAge` (24 hours
 * by default) and reports a stream that does not exist yet (`DIS-STREAM-ABSENT`) as a warning.
 *
 * @example
 * new DisTransferTasksAssertion(stack, 'OrdersRunning', { lookup });
 * new DisTransferTasksAssertion(stack, 'Gate', { lookup, requiredTasks: ['to-obs'], enforcement: Enforcement.PLAN });
 */
export class DisTransferTasksAssertion extends Construct {
  /** The verdict on the lookup's snapshots, computed when the construct was created. */
  public readonly report: GateReport;
  /** The rules applied, as plain data (what the gate file and the CLI use). */
  public readonly rules: GateRules;
  /** When the gate stops a deployment (the prop, unless `DIS_GATE_ENFORCEMENT` or context override it). */
  public readonly enforcement: Enforcement;
  /** Where {@link enforcement} came from: `env`, `context`, `prop` or `default`. */
  public readonly enforcementFrom: string;
  /**
   * The `terraform_data` resource that enforces the gate (`PLAN` and `APPLY` only). Give it to
   * other resources' `dependsOn` so that nothing deploys past a failed check.
   */
  public readonly gate?: TerraformResource;
  /** The JSON report's file name, in the stack's folder of the synth output (`cdktf.out/stacks/<stack>/`). */
  public readonly reportFileName: string;
  /** The SARIF report's file name beside the JSON report (`GateReportFormat.SARIF` only). */
  public readonly sarifFileName?: string;
  /** The gate file's name beside the stack (`APPLY` only); the CLI `check --gate-file` reads it. */
  public readonly gateFileName?: string;

  private readonly gateFile?: GateFile;
  private readonly formats: readonly GateReportFormat[];
  /** The line of the stack file that created this gate, for SARIF. */
  private readonly site?: SarifFileLocation;
  /** The lookup's context cache file, for SARIF. */
  private readonly contextFile?: string;

  public constructor(scope: Construct, id: string, props: DisTransferTasksAssertionProps) {
    super(scope, id);
    this.site = creationSite();
    const stack = this.node.scopes.find((s): s is TerraformStack => TerraformStack.isStack(s));
    if (stack === undefined) throw new AssertionScopeError(this.node.path);
    // The gate is evaluated while synth runs: every prop must be a literal. The lookup is a
    // construct whose snapshots are data, not props.
    refuseTokens(
      { ...props, lookup: undefined },
      (prop) =>
        new GateConfigError(
          `The prop ${prop} of DisTransferTasksAssertion ${this.node.path} holds an unresolved Terraform token, but the gate is evaluated while synth runs. Pass literal values (for example the task names as strings) instead of attributes of resources.`,
          { source: `the prop ${prop} of DisTransferTasksAssertion ${this.node.path}` },
        ),
    );

    const resolved = resolveEnforcement(this, props.enforcement);
    this.enforcement = resolved.value;
    this.enforcementFrom = resolved.from;
    this.rules = toGateRules(props, this.node.path);
    const now = Date.now();
    this.report = evaluateGate(props.lookup.snapshots, this.rules, now);
    this.formats = checkReportFormats(props.reportFormats, this.node.path);
    this.contextFile = props.lookup.contextFile;
    this.reportFileName = stackFileName(this, stack.node.path, 'report.json');
    if (this.formats.includes(GateReportFormat.SARIF)) {
      this.sarifFileName = stackFileName(this, stack.node.path, 'report.sarif');
    }
    const text = formatGateReport(this.report);
    if (resolved.from === 'env' || resolved.from === 'context') {
      Annotations.of(this).addInfo(
        `Enforcement ${this.enforcement} set by ${resolved.where} (the prop says ${props.enforcement ?? `nothing, default ${ENFORCEMENT_SETTING.defaultValue}`}).`,
      );
    }

    switch (this.enforcement) {
      case Enforcement.SYNTH:
        this.node.addValidation({
          validate: () => {
            this.writeFiles(join(App.of(this).outdir, Manifest.stacksFolder, stack.node.id));
            return this.report.healthy ? [] : [text];
          },
        });
        if (this.report.healthy) this.annotate(text, '');
        break;
      case Enforcement.PLAN: {
        // What goes into cdk.tf.json must not depend on the clock: the verdict there leaves the
        // snapshot age out, and terraform measures it again at plan time.
        const clockFree = evaluateGate(
          props.lookup.snapshots,
          { ...this.rules, maxSnapshotAgeSeconds: undefined, ignoreSnapshotAge: true },
          now,
        );
        const ageCheck = planAgeCheck(this.report, this.rules);
        this.gate = addPlanGate(
          this,
          props.lookup.snapshots,
          clockFree,
          formatGateReport(clockFree),
          ageCheck,
        );
        const age =
          ageCheck === undefined
            ? ''
            : `, or once a snapshot is older than ${formatAge(ageCheck.maxSeconds)} at plan time`;
        this.annotate(
          text,
          `terraform plan fails on terraform_data.${this.gate.friendlyUniqueId} while any error remains${age}.`,
        );
        break;
      }
      case Enforcement.APPLY:
        this.gateFileName = stackFileName(this, stack.node.path, 'gate.json');
        this.gateFile = gateFileFor(this.node.path, props.lookup, this.rules);
        this.gate = addApplyGate(
          this,
          this.gateFile,
          this.gateFileName,
          props.cliCommand ?? defaultCliCommand(),
        );
        if (props.cliCommand === undefined) {
          const warning = missingCliWarning();
          if (warning !== undefined) Annotations.of(this).addWarning(warning);
        }
        this.annotate(text, 'terraform apply re-checks the tasks live and fails while any error remains.');
        break;
      case Enforcement.WARN:
        this.annotate(text, '');
        break;
    }

    addCustomSynthesis(this, {
      onSynthesize: (session) =>
        this.writeFiles(join(session.outdir, session.manifest.forStack(stack).workingDirectory)),
    });
  }

  /** Adds the report as a warning when anything is open, as info when everything is acknowledged. */
  private annotate(text: string, tail: string): void {
    const { errors, warnings, acknowledged } = this.report.summary;
    if (errors + warnings > 0)
      Annotations.of(this).addWarning(errors > 0 && tail !== '' ? `${text}\n${tail}` : text);
    else if (acknowledged > 0) Annotations.of(this).addInfo(text);
  }

  private writeFiles(stackDir: string): void {
    mkdirSync(stackDir, { recursive: true });
    const report = {
      constructPath: this.node.path,
      enforcement: this.enforcement,
      enforcementFrom: this.enforcementFrom,
      ...this.report,
    };
    if (this.formats.includes(GateReportFormat.JSON)) {
      writeFileSync(join(stackDir, this.reportFileName), `${JSON.stringify(report, null, 2)}\n`);
    }
    if (this.sarifFileName !== undefined) {
      const log = buildSarifLog(
        this.report,
        gateSarifOptions(this.report, this.node.path, this.site, this.contextFile),
      );
      writeFileSync(join(stackDir, this.sarifFileName), `${JSON.stringify(log, null, 2)}\n`);
    }
    if (this.gateFile !== undefined && this.gateFileName !== undefined) {
      writeFileSync(join(stackDir, this.gateFileName), `${JSON.stringify(this.gateFile, null, 2)}\n`);
    }
  }
}

/** The cdktf context key that sets the enforcement of every gate in the app. */
export const ENFORCEMENT_CONTEXT_KEY = 'dis-transfer-tasks:enforcement';
/** The environment variable that sets the enforcement of every gate for one run. */
export const ENFORCEMENT_ENV_VAR = 'DIS_GATE_ENFORCEMENT';

const ENFORCEMENT_SETTING: OperatorSettingSpec<Enforcement> = {
  prop: 'enforcement',
  contextKey: ENFORCEMENT_CONTEXT_KEY,
  envVar: ENFORCEMENT_ENV_VAR,
  values: Object.values(Enforcement),
  defaultValue: Enforcement.SYNTH,
};

/**
 * Chooses a gate's enforcement by the one precedence of operator settings (`SETTING_PRECEDENCE`):
 * `DIS_GATE_ENFORCEMENT`, then cdktf context `dis-transfer-tasks:enforcement`, then the prop, then
 * `synth`. The operator's settings win over the prop on purpose: they exist for one run that must
 * get past a failing gate, such as `DIS_GATE_ENFORCEMENT=warn cdktf destroy`. Values are matched
 * ignoring case.
 * @throws GateConfigError when a value is not an {@link Enforcement}
 */
export function resolveEnforcement(
  scope: IConstruct,
  prop: Enforcement | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedSetting<Enforcement> {
  return resolveOperatorSetting(
    scope,
    ENFORCEMENT_SETTING,
    prop,
    env,
    (message, where) => new GateConfigError(message, { source: where }),
  );
}

/**
 * The construct's props as plain {@link GateRules} data, checked by the one validator of gate
 * rules: unset props left out, fields in their documented order.
 * @throws GateConfigError naming the construct and every malformed prop
 */
function toGateRules(props: DisTransferTasksAssertionProps, constructPath: string): GateRules {
  return parseGateRules(
    {
      allowedStates: props.allowedStates,
      requiredTasks: props.requiredTasks,
      expectedTasks: props.expectedTasks,
      ignoreTasks: props.ignoreTasks,
      destinationTypes: props.destinationTypes,
      allowUndocumentedValues: props.allowUndocumentedValues,
      maxTransferLagSeconds: props.maxTransferLag?.toSeconds(),
      maxSnapshotAgeSeconds: props.maxSnapshotAge?.toSeconds(),
      ignoreSnapshotAge: props.ignoreSnapshotAge,
      minTasks: props.minTasks,
      severity: props.severity,
      absentStreamSeverity: props.absentStreamSeverity,
      acknowledgements: props.acknowledgements,
      maxAcknowledgementDays: props.maxAcknowledgementDays,
      unacknowledgeableRules: props.unacknowledgeableRules,
    },
    `The props of DisTransferTasksAssertion ${constructPath}`,
  );
}

/**
 * The snapshot age the PLAN gate measures again at plan time, when the gate enforces it: the age
 * rule is on, findings are errors, and no acknowledgement accepts every finding of the rule.
 */
function planAgeCheck(report: GateReport, rules: GateRules): PlanAgeCheck | undefined {
  const maxSeconds = report.rules.maxSnapshotAgeSeconds;
  if (maxSeconds === undefined || rules.severity === GateSeverity.WARNING) return undefined;
  const accepted = report.acknowledgements.some(
    (a) => a.ruleId === disSnapshotAge.id && a.task === '*' && a.status === AcknowledgementState.ACTIVE,
  );
  if (accepted) return undefined;
  const streams = report.streams
    .filter((s) => s.streamExists && s.source !== 'context')
    .map((s) => s.streamName);
  return streams.length === 0 ? undefined : { maxSeconds, streams };
}

/**
 * The report formats asked for: a list of `GateReportFormat` values (props from JavaScript are
 * not type-checked), each once.
 * @throws GateConfigError naming the construct and the valid values
 */
function checkReportFormats(
  formats: readonly GateReportFormat[] | undefined,
  constructPath: string,
): readonly GateReportFormat[] {
  if (formats === undefined) return [GateReportFormat.JSON];
  const valid = Object.values(GateReportFormat) as string[];
  if (!Array.isArray(formats) || formats.some((f) => !valid.includes(f))) {
    throw new GateConfigError(
      `The prop reportFormats of DisTransferTasksAssertion ${constructPath} is not a list of report formats: use GateReportFormat.JSON and/or GateReportFormat.SARIF (${valid.join(', ')}).`,
      { source: `the prop reportFormats of DisTransferTasksAssertion ${constructPath}` },
    );
  }
  return [...new Set(formats)];
}

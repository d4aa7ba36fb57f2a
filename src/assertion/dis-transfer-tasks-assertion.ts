import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, App, Manifest, TerraformStack, type TerraformResource } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct } from 'constructs';
import { AssertionScopeError } from './errors';
import type { DisTransferTasksAssertionProps } from './dis-transfer-tasks-assertion-props';
import { Enforcement } from './enforcement';
import { evaluateGate } from './evaluate-gate';
import { gateFileFor, type GateFile } from './gate-file';
import { formatGateReport, type GateReport } from './gate-report';
import { parseGateRules, type GateRules } from './gate-rules';
import { refuseAssertionTokens } from './private/refuse-assertion-tokens';
import { addApplyGate, addPlanGate, stackFileName } from './terraform-gates';
import { toGateRules } from './private/to-gate-rules';
import { ENFORCEMENT_CONTEXT_KEY, ENFORCEMENT_ENV_VAR, resolveEnforcement } from './resolve-enforcement';

/** The CLI command `Enforcement.APPLY` runs when `cliCommand` is not given. */
export const DEFAULT_CLI_COMMAND = 'npx --no-install dis-transfer-tasks';

/**
 * Fails the deployment when the transfer tasks a lookup found are not healthy: by default, when
 * any task is not `RUNNING`. Rules are cdk-nag-like (stable ids, severities, acknowledgements with
 * reasons); `enforcement` decides whether synth, plan or apply stops, or only warns.
 *
 * Must be created inside a `TerraformStack` (cdktf ignores validations anywhere else). Writes a
 * JSON report of every finding beside the stack in the synth output (`reportFileName`).
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
  /** The gate file's name beside the stack (`APPLY` only); the CLI `check --gate-file` reads it. */
  public readonly gateFileName?: string;

  private readonly gateFile?: GateFile;

  public constructor(scope: Construct, id: string, props: DisTransferTasksAssertionProps) {
    super(scope, id);
    const stack = this.node.scopes.find((s): s is TerraformStack => TerraformStack.isStack(s));
    if (stack === undefined) throw new AssertionScopeError(this.node.path);
    refuseAssertionTokens(this.node.path, props);

    const resolved = resolveEnforcement(this, props.enforcement);
    this.enforcement = resolved.enforcement;
    this.enforcementFrom = resolved.from;
    this.rules = toGateRules(props);
    parseGateRules(this.rules, `The props of DisTransferTasksAssertion ${this.node.path}`);
    this.report = evaluateGate(props.lookup.snapshots, this.rules);
    this.reportFileName = stackFileName(this, stack.node.path, 'report.json');
    const text = formatGateReport(this.report);
    if (resolved.from === 'env' || resolved.from === 'context') {
      const where =
        resolved.from === 'env'
          ? `environment variable ${ENFORCEMENT_ENV_VAR}`
          : `cdktf context "${ENFORCEMENT_CONTEXT_KEY}"`;
      Annotations.of(this).addInfo(
        `Enforcement ${this.enforcement} set by the ${where} (the prop says ${props.enforcement ?? 'nothing, default SYNTH'}).`,
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
      case Enforcement.PLAN:
        this.gate = addPlanGate(this, props.lookup.snapshots, this.report, text);
        this.annotate(
          text,
          `terraform plan fails on terraform_data.${this.gate.friendlyUniqueId} while any error remains.`,
        );
        break;
      case Enforcement.APPLY:
        this.gateFileName = stackFileName(this, stack.node.path, 'gate.json');
        this.gateFile = gateFileFor(this.node.path, props.lookup, this.rules);
        this.gate = addApplyGate(
          this,
          this.gateFile,
          this.gateFileName,
          props.cliCommand ?? DEFAULT_CLI_COMMAND,
        );
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
    writeFileSync(join(stackDir, this.reportFileName), `${JSON.stringify(report, null, 2)}\n`);
    if (this.gateFile !== undefined && this.gateFileName !== undefined) {
      writeFileSync(join(stackDir, this.gateFileName), `${JSON.stringify(this.gateFile, null, 2)}\n`);
    }
  }
}

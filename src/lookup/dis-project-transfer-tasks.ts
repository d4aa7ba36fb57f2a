import type { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import type { DisCredentials } from '../client/credentials';
import { toBridgeClientOptions } from './bridge-client-options';
import { DisLookupConfigError, DisLookupMissingError, DisLookupTokenError } from './errors';
import type { DisLookupOptions } from './lookup-options';
import { addLookupOutputs } from './lookup-outputs';
import { resolveLookupSettings } from './lookup-settings';
import { lookUpProject, type ProjectLookupOutcome } from './look-up-project';
import { missingLookups } from './missing-lookups';
import { refuseTokens } from './synth-inputs';
import type { ITransferTasksLookup } from './transfer-tasks-lookup';
import type { TransferTasksSnapshot } from './transfer-tasks-snapshot';

/** Props of {@link DisProjectTransferTasks}. */
export interface DisProjectTransferTasksProps extends DisLookupOptions {
  /**
   * Explicit credentials, as a last resort (see `DisTransferTasksProps.credentials`). Never recorded.
   * @default - the client's environment chain
   */
  readonly credentials?: DisCredentials;
  /**
   * How many `listTransferTasks` requests may be in flight at once while the project is fetched.
   * @default 8
   */
  readonly concurrency?: number;
}

/**
 * Every stream of a project and the transfer tasks of each, looked up at synth in one bridge call
 * (listStreams, then each stream's tasks with bounded concurrency): for compliance scans across a
 * project. Same modes, cache and rules as {@link DisTransferTasks}; the stream list is recorded under
 * `dis-transfer-tasks:{region}:{projectId}:*` and each stream under its own key.
 */
export class DisProjectTransferTasks extends Construct implements ITransferTasksLookup {
  /** The region the lookup ran against. */
  public readonly region: string;
  /** The project id the lookup ran against. */
  public readonly projectId: string;
  /**
   * The DIS endpoint given as a prop.
   * @default - none; the client chose the endpoint
   */
  public readonly endpoint?: string;
  /** Always true: this lookup covers every stream of the project. */
  public readonly allStreams: boolean = true;
  /** The `task_names` output (stream to sorted task names), with `outputs: true`. */
  public readonly taskNamesOutput?: TerraformOutput;
  /** The `task_states` output (stream to task name to state), with `outputs: true`. */
  public readonly taskStatesOutput?: TerraformOutput;

  private readonly outcome: ProjectLookupOutcome;

  public constructor(scope: Construct, id: string, props: DisProjectTransferTasksProps = {}) {
    super(scope, id);
    refuseTokens(props, (prop) => new DisLookupTokenError(this.node.path, prop));
    const concurrency = props.concurrency ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new DisLookupConfigError(
        `[${this.node.path}] concurrency must be a whole number of at least 1, got ${concurrency}.`,
      );
    }
    const settings = resolveLookupSettings(this, props);
    this.outcome = lookUpProject(
      this,
      settings,
      toBridgeClientOptions(settings, props.credentials),
      concurrency,
    );
    this.region = this.outcome.region;
    this.projectId = this.outcome.projectId;
    this.endpoint = props.endpoint;
    if (props.outputs && 'snapshots' in this.outcome) {
      const snapshots = this.outcome.snapshots;
      const outputs = addLookupOutputs(
        this,
        Object.fromEntries(snapshots.map((s) => [s.streamName, s.tasks.map((t) => t.taskName)])),
        Object.fromEntries(
          snapshots.map((s) => [s.streamName, Object.fromEntries(s.tasks.map((t) => [t.taskName, t.state]))]),
        ),
        `every stream of project ${this.projectId}`,
      );
      this.taskNamesOutput = outputs.taskNames;
      this.taskStatesOutput = outputs.taskStates;
    }
  }

  /** One snapshot per stream, ordered by stream name. Throws `DisLookupMissingError` when offline data is missing. */
  public get snapshots(): TransferTasksSnapshot[] {
    if ('snapshots' in this.outcome) return this.outcome.snapshots;
    throw new DisLookupMissingError(missingLookups(this));
  }

  /** The project's stream names, sorted. */
  public get streamNames(): string[] {
    return this.snapshots.map((s) => s.streamName);
  }

  /** The snapshot of `streamName`, or `undefined` when the project has no such stream. */
  public findSnapshot(streamName: string): TransferTasksSnapshot | undefined {
    return this.snapshots.find((s) => s.streamName === streamName);
  }
}

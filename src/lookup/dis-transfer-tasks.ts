import { Construct } from 'constructs';
import type { TerraformOutput } from 'cdktf';
import type { DisCredentials } from '../client/credentials';
import type { TransferTask } from '../client/model';
import { checkStreamName } from '../client/config';
import { checkLookupInput } from './check-lookup-input';
import { toBridgeClientOptions } from './bridge-client-options';
import { DisLookupMissingError, DisLookupTokenError } from './errors';
import type { DisLookupOptions } from './lookup-options';
import { addLookupOutputs } from './lookup-outputs';
import { resolveLookupSettings } from './lookup-settings';
import { lookUpStream, type StreamLookupOutcome } from './look-up-stream';
import { missingLookups } from './missing-lookups';
import { refuseTokens } from './synth-inputs';
import type { ITransferTasksLookup } from './transfer-tasks-lookup';
import type { TransferTasksSnapshot } from './transfer-tasks-snapshot';

/** Props of {@link DisTransferTasks}. */
export interface DisTransferTasksProps extends DisLookupOptions {
  /** The DIS stream whose transfer tasks to look up. */
  readonly streamName: string;
  /**
   * Explicit credentials, as a last resort: prefer the environment chain of the client (`HW_ACCESS_KEY`
   * and `HW_SECRET_KEY`, `HW_AUTH_TOKEN`, …), which keeps secrets out of your code. Never recorded.
   * @default - the client's environment chain
   */
  readonly credentials?: DisCredentials;
}

/**
 * The transfer (dump) tasks of one DIS stream, looked up while `cdktf synth` builds this construct,
 * so that the stack can use real values: `for (const task of lookup.tasks) { … }`.
 *
 * - **When it runs:** in the constructor. cdktf context (`dis-transfer-tasks:{region}:{projectId}:{stream}`,
 *   from the App or `cdktf.json`) wins; otherwise, in mode `auto`, the context cache file
 *   (`cdktf.context.json`) is read, and on a miss DIS is queried through a worker thread and the
 *   result recorded. Modes: `auto`, `refresh`, `offline`, `live` (`DIS_LOOKUP_MODE`, else cdktf
 *   context `dis-transfer-tasks:mode`, else the `mode` prop).
 * - **What it cannot take:** unresolved Terraform tokens; every prop must be a literal.
 * - **Where it is cached, how to refresh:** `cdktf.context.json` (commit it); refresh with
 *   `npx dis-transfer-tasks context refresh` or one synth with `DIS_LOOKUP_MODE=refresh`.
 * - **No placeholder, ever:** a lookup has real data, or synth fails naming the construct, stream,
 *   project and the fix. In offline mode every missing key of the app is listed in one error.
 */
export class DisTransferTasks extends Construct implements ITransferTasksLookup {
  /** The stream that was looked up. */
  public readonly streamName: string;
  /** The region the lookup ran against. */
  public readonly region: string;
  /** The project id the lookup ran against. */
  public readonly projectId: string;
  /**
   * The DIS endpoint given as a prop.
   * @default - none; the client chose the endpoint
   */
  public readonly endpoint?: string;
  /** Always false: this lookup covers one stream. */
  public readonly allStreams: boolean = false;
  /** The `task_names` output, with `outputs: true`. */
  public readonly taskNamesOutput?: TerraformOutput;
  /** The `task_states` output, with `outputs: true`. */
  public readonly taskStatesOutput?: TerraformOutput;

  private readonly outcome: StreamLookupOutcome;

  public constructor(scope: Construct, id: string, props: DisTransferTasksProps) {
    super(scope, id);
    refuseTokens(props, (prop) => new DisLookupTokenError(this.node.path, prop));
    checkLookupInput(this, () => checkStreamName(props.streamName));
    const settings = resolveLookupSettings(this, props);
    this.outcome = lookUpStream(
      this,
      settings,
      toBridgeClientOptions(settings, props.credentials),
      props.streamName,
    );
    this.streamName = props.streamName;
    this.endpoint = props.endpoint;
    const at = 'snapshot' in this.outcome ? this.outcome.snapshot : this.outcome;
    this.region = at.region;
    this.projectId = at.projectId;
    if (props.outputs && 'snapshot' in this.outcome) {
      const tasks = this.outcome.snapshot.tasks;
      const outputs = addLookupOutputs(
        this,
        tasks.map((t) => t.taskName),
        Object.fromEntries(tasks.map((t) => [t.taskName, t.state])),
        `stream ${props.streamName}`,
      );
      this.taskNamesOutput = outputs.taskNames;
      this.taskStatesOutput = outputs.taskStates;
    }
  }

  /** The looked-up data. Throws `DisLookupMissingError` when offline mode found no recorded value. */
  public get snapshot(): TransferTasksSnapshot {
    if ('snapshot' in this.outcome) return this.outcome.snapshot;
    throw new DisLookupMissingError(missingLookups(this));
  }

  /** The one snapshot of this stream. */
  public get snapshots(): TransferTasksSnapshot[] {
    return [this.snapshot];
  }

  /** The stream's transfer tasks, ordered by name. */
  public get tasks(): TransferTask[] {
    return this.snapshot.tasks;
  }

  /** The task names, sorted. */
  public get taskNames(): string[] {
    return this.tasks.map((t) => t.taskName);
  }

  /** `total_number` as the service reported it. */
  public get totalNumber(): number {
    return this.snapshot.totalNumber;
  }

  /**
   * How many more tasks the stream can hold.
   * @default - undefined when the service did not report it
   */
  public get quota(): number | undefined {
    return this.snapshot.quota;
  }

  /** When the data was fetched from DIS, ISO-8601. */
  public get fetchedAt(): string {
    return this.snapshot.fetchedAt;
  }

  /** Where this synth got the data: `api`, `cache` or `context`. */
  public get source(): string {
    return this.snapshot.source;
  }

  /** The client's warnings about the response (unknown states, a count that disagrees). */
  public get warnings(): string[] {
    return this.snapshot.warnings;
  }

  /** The task named `taskName`, or `undefined`. */
  public findTask(taskName: string): TransferTask | undefined {
    return this.tasks.find((t) => t.taskName === taskName);
  }

  /** The tasks whose state is `state` (a `TransferTaskState` value, or any string). */
  public tasksInState(state: string): TransferTask[] {
    return this.tasks.filter((t) => t.state === state);
  }
}

// The lookup constructs, their props and what they give their consumers (the gate, user code).
// How a lookup gets its value is in context-provider.ts.
import type { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import type { DisCredentials } from '../client/credentials';
import type { TransferTask } from '../client/model';
import type { TransferTasksContextValue } from './context-entry';
import { lookUpStream, type LookupResult } from './context-provider';
import type { LookupMode } from './lookup-mode';
import type { IContextStore } from './context-store';
import type { Duration } from './duration';
import { DisLookupMissingError } from './errors';
import { missingLookups } from './offline';
import { lookUpProject } from './project-lookup';
import { addOutputs } from './terraform-json';

export { LookupMode, SnapshotSource } from './lookup-mode';

/**
 * The transfer tasks of one DIS stream as a lookup saw them: the value a lookup records, where it
 * belongs (stream, project, region) and where this synth got it. Real data, never a placeholder;
 * tasks are ordered by `taskName` so that everything derived from a snapshot is stable.
 */
export interface TransferTasksSnapshot extends TransferTasksContextValue {
  /** The stream the tasks belong to. */
  readonly streamName: string;
  /** The project (id) the stream belongs to. */
  readonly projectId: string;
  /** The region of the project, for example `cn-north-4`. */
  readonly region: string;
  /** Where this synth got the data from: `api`, `cache` or `context` (a `SnapshotSource` value). */
  readonly source: string;
  /**
   * False when the stream does not exist (yet): a lookup with `mustExist: false` found no such
   * stream, and the snapshot has no tasks. Such a snapshot is never recorded. True otherwise.
   */
  readonly streamExists: boolean;
}

/**
 * What every transfer-task lookup offers its consumers (the assertion construct, user code):
 * `DisTransferTasks` for one stream, `DisProjectTransferTasks` for every stream of a project.
 */
export interface ITransferTasksLookup {
  /** One snapshot per stream, ordered by stream name. */
  readonly snapshots: TransferTasksSnapshot[];
  /** True when the lookup covers every stream of the project. */
  readonly allStreams: boolean;
  /**
   * The DIS endpoint given explicitly to the lookup, if any (never a credential).
   * @default - none; the client resolved the endpoint from the region or the environment
   */
  readonly endpoint?: string;
  /** The region the lookup ran against. */
  readonly region: string;
  /** The project id the lookup ran against. */
  readonly projectId: string;
  /**
   * The context cache file given to the lookup (its `contextFile` prop), for consumers that point
   * at what was recorded (the gate's SARIF report).
   * @default - `DIS_LOOKUP_CONTEXT_FILE`, else `cdktf.context.json` in the working directory
   */
  readonly contextFile?: string;
}

/**
 * What every transfer-task lookup accepts besides what it looks up. All values must be literals at
 * synth: an unresolved Terraform token is refused.
 */
export interface DisLookupOptions {
  /**
   * The project id.
   * @default - cdktf context `dis-transfer-tasks:projectId`, else `HW_PROJECT_ID` (or
   * `HUAWEICLOUD_SDK_PROJECT_ID`), else the one project the stream is recorded for (cdktf context
   * or the cache), else the client asks IAM for the project named after the region
   */
  readonly projectId?: string;
  /**
   * The region, for example `cn-north-4`.
   * @default - cdktf context `dis-transfer-tasks:region`, else `HW_REGION_NAME` (or
   * `HUAWEICLOUD_SDK_REGION_ID`), else the one region the stream is recorded for
   */
  readonly region?: string;
  /**
   * The DIS base URL, for example an emulator's `http://127.0.0.1:4566`.
   * @default - `HW_DIS_ENDPOINT`, else the public endpoint of the region
   */
  readonly endpoint?: string;
  /**
   * Create Terraform outputs for the task names and their states, in a stable order, so that
   * `cdktf output` and other stacks can read them.
   * @default false
   */
  readonly outputs?: boolean;
  /**
   * How the lookup uses the cache and the service (a {@link LookupMode} value). The person who
   * runs synth overrides it: `DIS_LOOKUP_MODE`, then cdktf context `dis-transfer-tasks:mode`, win
   * over this prop.
   * @default `auto`
   */
  readonly mode?: LookupMode;
  /**
   * The context cache file, relative to the working directory.
   * @default - `DIS_LOOKUP_CONTEXT_FILE`, else `cdktf.context.json` in the working directory
   */
  readonly contextFile?: string;
  /**
   * A store to use instead of the context cache file (tests, custom persistence).
   * @default - a `FileContextStore` on `contextFile`
   */
  readonly contextStore?: IContextStore;
  /**
   * How old a value recorded in the context cache may be. In mode `auto` an older value is fetched
   * again and recorded; in mode `offline` it is an error that names its age and the refresh
   * command. Values given as cdktf context (test inputs) are exempt.
   * @default - no limit: a recorded value is used whatever its age (the gate's `maxSnapshotAge` still applies)
   */
  readonly maxAge?: Duration;
  /**
   * How long one lookup may take, in milliseconds (the client's deadline, retries included).
   * It cannot exceed the bridge's hard timeout, `DIS_LOOKUP_TIMEOUT_MS` (60 000 by default).
   * @default 30000
   */
  readonly timeoutMs?: number;
}

/** Props of {@link DisTransferTasks}. */
export interface DisTransferTasksProps extends DisLookupOptions {
  /** The DIS stream whose transfer tasks to look up. */
  readonly streamName: string;
  /**
   * Whether the stream must exist. With `false`, a stream that does not exist (the service answers
   * `DIS.4301`, say because this stack creates it) gives an empty snapshot with `streamExists`
   * false instead of failing synth; it is not recorded, so the next synth looks again, and a gate
   * reports it under its own rule. A value recorded earlier, or given as cdktf context, is used as
   * it is. In mode `offline` a stream with nothing recorded is a miss, as for any lookup: nothing
   * recorded does not prove that the stream is absent.
   * @default true
   */
  readonly mustExist?: boolean;
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
  /**
   * The `contextFile` prop.
   * @default - `DIS_LOOKUP_CONTEXT_FILE`, else `cdktf.context.json` in the working directory
   */
  public readonly contextFile?: string;
  /** The `task_names` output, with `outputs: true`. */
  public readonly taskNamesOutput?: TerraformOutput;
  /** The `task_states` output, with `outputs: true`. */
  public readonly taskStatesOutput?: TerraformOutput;

  private readonly result: LookupResult;

  public constructor(scope: Construct, id: string, props: DisTransferTasksProps) {
    super(scope, id);
    this.result = lookUpStream(this, props);
    this.streamName = props.streamName;
    this.endpoint = props.endpoint;
    this.contextFile = props.contextFile;
    this.region = this.result.region;
    this.projectId = this.result.projectId;
    if (props.outputs && this.result.snapshots) {
      const tasks = this.result.snapshots[0].tasks;
      const outputs = addOutputs(
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
    return snapshotsOf(this, this.result)[0];
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

  /** False when the stream does not exist (only with `mustExist: false`); its snapshot then has no tasks. */
  public get streamExists(): boolean {
    return this.snapshot.streamExists;
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
  /**
   * The `contextFile` prop.
   * @default - `DIS_LOOKUP_CONTEXT_FILE`, else `cdktf.context.json` in the working directory
   */
  public readonly contextFile?: string;
  /** The `task_names` output (stream to sorted task names), with `outputs: true`. */
  public readonly taskNamesOutput?: TerraformOutput;
  /** The `task_states` output (stream to task name to state), with `outputs: true`. */
  public readonly taskStatesOutput?: TerraformOutput;

  private readonly result: LookupResult;

  public constructor(scope: Construct, id: string, props: DisProjectTransferTasksProps = {}) {
    super(scope, id);
    this.result = lookUpProject(this, props);
    this.region = this.result.region;
    this.projectId = this.result.projectId;
    this.endpoint = props.endpoint;
    this.contextFile = props.contextFile;
    if (props.outputs && this.result.snapshots) {
      const snapshots = this.result.snapshots;
      const outputs = addOutputs(
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
    return snapshotsOf(this, this.result);
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

/** A lookup's snapshots, or the offline error listing every missing key of the app. */
function snapshotsOf(scope: Construct, result: LookupResult): TransferTasksSnapshot[] {
  if (result.snapshots) return result.snapshots;
  throw new DisLookupMissingError(missingLookups(scope));
}

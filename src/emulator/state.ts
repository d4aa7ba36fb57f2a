// The mutable world an emulator serves: its scenario's projects, streams and tasks, and the tokens
// it has issued.
import { randomBytes } from 'node:crypto';
import { EmulatorStateError } from './errors';
import { newTaskProblem } from './load-scenario';
import type { Scenario, ScenarioProject, ScenarioStream, ScenarioTask } from './scenario';

/**
 * A transfer task to add to a running emulator. Only the name, state and destination are needed;
 * the rest is filled in the way the service would.
 */
export interface EmulatorTaskInput {
  /** Task name, unique within its stream (1-64 letters, digits, `-`, `_`). */
  readonly taskName: string;
  /** Any state; unknown ones are served as they are, as the real service might. */
  readonly state: string;
  /** Any destination type, usually `OBS`. */
  readonly destinationType: string;
  /**
   * The task id used by the batch start/stop action.
   * @default a random 19-character id, like the service's
   */
  readonly taskId?: string;
  /**
   * Creation time, epoch milliseconds.
   * @default the emulator clock's now
   */
  readonly createTime?: number;
  /**
   * Last transfer: epoch milliseconds, `now` or `now-<seconds>s` (evaluated per request).
   * @default no last transfer
   */
  readonly lastTransferTimestamp?: number | string;
}

/** A token issued by the emulator's IAM endpoint or listed in the scenario. */
export interface IssuedToken {
  /** Project ids the token may use; `undefined` means all. */
  readonly projects?: readonly string[];
  /** Expiry, epoch milliseconds; `undefined` means never. */
  readonly expiresAt?: number;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The mutable world an emulator serves: a working copy of its scenario plus issued tokens.
 * `reset()` returns to the scenario as loaded.
 */
export class EmulatorState {
  private world!: Scenario;
  private readonly tokens = new Map<string, IssuedToken>();
  /** Tasks started through the API that become RUNNING at the given time. */
  private readonly starting = new Map<ScenarioTask, number>();

  public constructor(
    private readonly scenario: Scenario,
    private readonly clock: () => number,
  ) {
    this.reset();
  }

  /** The scenario's account (domain). */
  public get domain(): Scenario['domain'] {
    return this.world.domain;
  }

  /** All projects, in scenario order. */
  public get projects(): readonly ScenarioProject[] {
    return this.world.projects;
  }

  /** Whether answers carry JSON `null` where the SDK models allow it (the scenario's `sendNulls`). */
  public get sendNulls(): boolean {
    return this.world.sendNulls;
  }

  /** Lifetime of tokens issued by the IAM endpoint, seconds. */
  public get tokenTtlSeconds(): number {
    return this.world.tokenTtlSeconds;
  }

  /** The credentials section of the scenario. */
  public get credentials(): Scenario['credentials'] {
    return this.world.credentials;
  }

  /** Returns to the scenario as loaded: tasks, states and issued tokens. */
  public reset(): void {
    this.world = structuredClone(this.scenario);
    this.tokens.clear();
    this.starting.clear();
    for (const t of this.world.credentials.tokens) {
      this.tokens.set(t.token, {
        projects: t.projects,
        expiresAt: t.expiresAt ? Date.parse(t.expiresAt) : undefined,
      });
    }
  }

  /** The project with this id, if any. */
  public project(projectId: string): ScenarioProject | undefined {
    return this.world.projects.find((p) => p.id === projectId);
  }

  /** The stream, if the project holds it. */
  public stream(projectId: string, streamName: string): ScenarioStream | undefined {
    return this.project(projectId)?.streams.find((s) => s.name === streamName);
  }

  /** Resolves a scenario time (`now-60s` or epoch ms) against the emulator clock. */
  public resolveTime(value: number | string | undefined): number | undefined {
    if (value === undefined || typeof value === 'number') return value;
    const m = /^now(?:-(\d+)s)?$/.exec(value);
    if (!m) return undefined;
    return this.clock() - Number(m[1] ?? 0) * 1000;
  }

  /** Sets a task's state. Leaving RUNNING freezes its last transfer time; entering RUNNING makes it current. */
  public setTaskState(streamName: string, taskName: string, state: string, projectId?: string): void {
    this.changeState(this.requireTask(streamName, taskName, projectId), state);
  }

  /**
   * Starts a task as the batch `start` action does: STARTING for the scenario's `startingMs`,
   * then RUNNING (see {@link settle}); at once when `startingMs` is 0.
   */
  public startTask(streamName: string, taskName: string, projectId?: string): void {
    const task = this.requireTask(streamName, taskName, projectId);
    if (task.state === 'RUNNING') return;
    if (this.world.startingMs === 0) return this.changeState(task, 'RUNNING');
    this.changeState(task, 'STARTING');
    this.starting.set(task, this.clock() + this.world.startingMs);
  }

  /** Moves started tasks whose STARTING time is over to RUNNING. Called before each request is served. */
  public settle(): void {
    if (this.starting.size === 0) return;
    const now = this.clock();
    for (const [task, due] of this.starting) if (due <= now) this.changeState(task, 'RUNNING');
  }

  private changeState(task: ScenarioTask, state: string): void {
    this.starting.delete(task);
    if (task.state === 'RUNNING' && state !== 'RUNNING') {
      task.lastTransferTimestamp = this.resolveTime(task.lastTransferTimestamp);
    } else if (task.state !== 'RUNNING' && state === 'RUNNING') {
      task.lastTransferTimestamp = 'now';
    }
    task.state = state;
  }

  /** Adds a task to a stream, within the stream's quota. */
  public addTask(streamName: string, task: EmulatorTaskInput, projectId?: string): ScenarioTask {
    const stream = this.requireStream(streamName, projectId);
    const problem = newTaskProblem(task);
    if (problem) {
      throw new EmulatorStateError(
        `The task to add is invalid at ${problem.fieldPath || '(root)'}: ${problem.problem}`,
        'Give taskName (1-64 letters, digits, "-", "_"), state and destinationType.',
      );
    }
    if (stream.tasks.some((t) => t.taskName === task.taskName)) {
      throw new EmulatorStateError(
        `Stream ${streamName} already has a task named ${task.taskName}`,
        'Pick another name, or change the existing task with setTaskState.',
      );
    }
    if (stream.tasks.length >= stream.transferTaskQuota) {
      throw new EmulatorStateError(
        `Stream ${streamName} already holds ${stream.tasks.length} tasks, its quota`,
        'Remove a task first (the service allows at most 5 per stream).',
      );
    }
    const added: ScenarioTask = {
      taskName: task.taskName,
      taskId: task.taskId ?? this.newTaskId(),
      state: task.state,
      destinationType: task.destinationType,
      createTime: task.createTime ?? this.clock(),
      lastTransferTimestamp: task.lastTransferTimestamp,
    };
    stream.tasks.push(added);
    return added;
  }

  /** Removes a task from a stream. */
  public removeTask(streamName: string, taskName: string, projectId?: string): void {
    const stream = this.requireStream(streamName, projectId);
    const index = stream.tasks.findIndex((t) => t.taskName === taskName);
    if (index < 0) throw this.noTask(streamName, taskName, stream);
    this.starting.delete(stream.tasks[index]);
    stream.tasks.splice(index, 1);
  }

  /** Records a token issued by the IAM endpoint. */
  public issueToken(projects: readonly string[], ttlSeconds: number): { token: string; expiresAt: number } {
    const token = `emu-${randomBytes(24).toString('base64url')}`;
    const expiresAt = this.clock() + ttlSeconds * 1000;
    this.tokens.set(token, { projects, expiresAt });
    return { token, expiresAt };
  }

  /** The token's grant, if the emulator knows the token. */
  public token(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  private newTaskId(): string {
    const bytes = randomBytes(19);
    return Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
  }

  private requireStream(streamName: string, projectId?: string): ScenarioStream {
    const project = projectId === undefined ? this.world.projects[0] : this.project(projectId);
    if (!project) {
      throw new EmulatorStateError(
        `The scenario has no project ${projectId}`,
        `Use one of: ${this.world.projects.map((p) => p.id).join(', ')}.`,
      );
    }
    const stream = project.streams.find((s) => s.name === streamName);
    if (!stream) {
      throw new EmulatorStateError(
        `Project ${project.id} has no stream ${streamName}`,
        `Use one of: ${project.streams.map((s) => s.name).join(', ') || '(none)'}.`,
      );
    }
    return stream;
  }

  private requireTask(streamName: string, taskName: string, projectId?: string): ScenarioTask {
    const stream = this.requireStream(streamName, projectId);
    const task = stream.tasks.find((t) => t.taskName === taskName);
    if (!task) throw this.noTask(streamName, taskName, stream);
    return task;
  }

  private noTask(streamName: string, taskName: string, stream: ScenarioStream): EmulatorStateError {
    return new EmulatorStateError(
      `Stream ${streamName} has no task ${taskName}`,
      `Use one of: ${stream.tasks.map((t) => t.taskName).join(', ') || '(none)'}, or add it with addTask.`,
    );
  }
}

import type { EmulatorFault } from './faults';
import type { EmulatorTaskInput } from './state';
import type { RequestLogEntry } from './request-log-entry';

/**
 * The control surface of a running emulator, the same whether it runs in this process
 * ({@link DisEmulator.start}) or in a child ({@link startEmulatorProcess}). Every method is async
 * so that both can implement it. `projectId` defaults to the scenario's first project.
 */
export interface EmulatorHandle {
  /** Base URL, `http://127.0.0.1:<port>`: DIS under `/v2`, IAM under `/v3`. */
  readonly url: string;
  /** Environment for a client: `HW_DIS_ENDPOINT` and `HW_AUTH_URL` pointing here. No credentials. */
  readonly endpointEnv: Readonly<Record<string, string>>;
  /** Every request answered since start or the last reset, oldest first. Never holds a secret. */
  requestLog(): Promise<RequestLogEntry[]>;
  /** Changes a task's state (any string; unknown states are served as they are). */
  setTaskState(streamName: string, taskName: string, state: string, projectId?: string): Promise<void>;
  /** Adds a task to a stream, within its quota of five. */
  addTask(streamName: string, task: EmulatorTaskInput, projectId?: string): Promise<void>;
  /** Removes a task from a stream. */
  removeTask(streamName: string, taskName: string, projectId?: string): Promise<void>;
  /** Arms a fault; its request counter starts now. */
  injectFault(fault: EmulatorFault): Promise<void>;
  /** Disarms every fault. */
  clearFaults(): Promise<void>;
  /** Back to the scenario as loaded: tasks, issued tokens, faults, key locks, request log. */
  reset(): Promise<void>;
  /** Closes the server (and ends the child process). Safe to call twice. */
  stop(): Promise<void>;
}

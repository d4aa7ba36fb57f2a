import type { ChildProcess } from 'node:child_process';
import type { EmulatorFault } from './faults';
import type { EmulatorHandle } from './dis-emulator';
import { EmulatorProcessError } from './errors';
import type { EmulatorTaskInput } from './state';
import { fromIpcError, type ToChild, type ToParent } from './ipc-message';
import type { RequestLogEntry } from './server';

/**
 * The {@link EmulatorHandle} of an emulator running in a child process: each call is a message
 * over the IPC channel, answered by the child. The child is killed if this process exits first.
 */
export class EmulatorProcessHandle implements EmulatorHandle {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<void>;
  private readonly killOnExit = () => this.child.kill();

  /** Wraps a child that has reported `url`; called by {@link startEmulatorProcess}. */
  public constructor(
    private readonly child: ChildProcess,
    public readonly url: string,
  ) {
    process.once('exit', this.killOnExit);
    child.on('message', (m: ToParent) => {
      if (m.type !== 'result') return;
      const call = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) call?.reject(fromIpcError(m.error));
      else call?.resolve(m.value);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        process.off('exit', this.killOnExit);
        for (const call of this.pending.values()) {
          call.reject(
            new EmulatorProcessError(`exited (code ${code}) before answering`, 'Start a new emulator.'),
          );
        }
        this.pending.clear();
        resolve();
      });
    });
  }

  /** {@inheritDoc EmulatorHandle.endpointEnv} */
  public get endpointEnv(): Readonly<Record<string, string>> {
    return { HW_DIS_ENDPOINT: this.url, HW_AUTH_URL: `${this.url}/v3` };
  }

  /** {@inheritDoc EmulatorHandle.requestLog} */
  public requestLog(): Promise<RequestLogEntry[]> {
    return this.call('requestLog') as Promise<RequestLogEntry[]>;
  }

  /** {@inheritDoc EmulatorHandle.setTaskState} */
  public async setTaskState(
    streamName: string,
    taskName: string,
    state: string,
    projectId?: string,
  ): Promise<void> {
    await this.call('setTaskState', streamName, taskName, state, projectId);
  }

  /** {@inheritDoc EmulatorHandle.addTask} */
  public async addTask(streamName: string, task: EmulatorTaskInput, projectId?: string): Promise<void> {
    await this.call('addTask', streamName, task, projectId);
  }

  /** {@inheritDoc EmulatorHandle.removeTask} */
  public async removeTask(streamName: string, taskName: string, projectId?: string): Promise<void> {
    await this.call('removeTask', streamName, taskName, projectId);
  }

  /** {@inheritDoc EmulatorHandle.injectFault} */
  public async injectFault(fault: EmulatorFault): Promise<void> {
    await this.call('injectFault', fault);
  }

  /** {@inheritDoc EmulatorHandle.clearFaults} */
  public async clearFaults(): Promise<void> {
    await this.call('clearFaults');
  }

  /** {@inheritDoc EmulatorHandle.reset} */
  public async reset(): Promise<void> {
    await this.call('reset');
  }

  /** {@inheritDoc EmulatorHandle.stop} */
  public async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.connected) {
      const timer = setTimeout(() => this.child.kill(), 5000);
      await this.call('stop').catch(() => undefined);
      await this.exited;
      clearTimeout(timer);
    }
    await this.exited;
  }

  private call(method: string, ...args: unknown[]): Promise<unknown> {
    if (!this.child.connected) {
      return Promise.reject(new EmulatorProcessError('has already stopped', 'Start a new emulator.'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ type: 'call', id, method, args } satisfies ToChild);
    });
  }
}

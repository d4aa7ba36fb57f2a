import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DisError } from '../client/dis-error';
import type { EmulatorFault } from './emulator-fault';
import type { EmulatorHandle } from './emulator-handle';
import { EmulatorProcessError } from './emulator-process-error';
import type { EmulatorTaskInput } from './emulator-task';
import type { ChildStartOptions, IpcError, ToChild, ToParent } from './ipc-message';
import type { RequestLogEntry } from './request-log-entry';

/** Options of {@link startEmulatorProcess}: those of `DisEmulator.start` except the clock. */
export interface EmulatorProcessOptions extends ChildStartOptions {
  /**
   * How long to wait for the child to listen, milliseconds.
   * @default 10000
   */
  readonly startTimeoutMs?: number;
}

/**
 * The built child entry: beside this file when running from `lib/`, or in `lib/` when this file
 * runs from `src/` under ts-jest (the child is plain Node and cannot load TypeScript).
 */
export function emulatorChildEntry(): string {
  const candidates = [
    join(__dirname, 'emulator-child.js'),
    join(__dirname, '..', '..', 'lib', 'emulator', 'emulator-child.js'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new EmulatorProcessError(
      `entry was not found (looked for ${candidates.join(' and ')})`,
      'Run `npm run build` first: the child runs the compiled lib/emulator/emulator-child.js.',
    );
  }
  if (found !== candidates[0]) warnIfStale(found);
  return found;
}

/** Under ts-jest the child runs lib/: say so when src/emulator was edited after the last build. */
let staleChecked = false;
function warnIfStale(entry: string): void {
  if (staleChecked) return;
  staleChecked = true;
  const built = statSync(entry).mtimeMs;
  const newer = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).find(
    (f) => f.endsWith('.ts') && statSync(join(__dirname, f)).mtimeMs > built,
  );
  if (newer !== undefined) {
    process.emitWarning(
      `src/emulator/${newer} is newer than ${entry}: the emulator child process runs the old build. Run \`npm run build\`.`,
    );
  }
}

/**
 * Starts the emulator in a child process and returns its {@link EmulatorHandle}. Use it whenever
 * the calling thread will block in a synth-time lookup: a server in that thread could not answer
 * (DESIGN.md, decision 6). The child exits when `stop()` is called or when this process ends.
 */
export async function startEmulatorProcess(options: EmulatorProcessOptions = {}): Promise<EmulatorHandle> {
  const { startTimeoutMs = 10_000, ...startOptions } = options;
  const child = fork(emulatorChildEntry(), [], {
    execArgv: [],
    // Structured clone keeps `undefined` arguments (JSON would turn them into null).
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new EmulatorProcessError(
          `did not start within ${startTimeoutMs} ms`,
          'Check stderr above for its output.',
        ),
      );
    }, startTimeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (m: ToParent) => {
      if (m.type === 'ready') {
        done();
        resolve(m.url);
      } else if (m.type === 'failed') {
        done();
        child.kill();
        reject(revive(m.error));
      }
    };
    const onExit = (code: number | null) => {
      done();
      reject(
        new EmulatorProcessError(
          `exited with code ${code} before listening`,
          'Check stderr above for its output.',
        ),
      );
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ type: 'start', options: startOptions } satisfies ToChild);
  });
  return new EmulatorProcessHandle(child, url);
}

class EmulatorProcessHandle implements EmulatorHandle {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<void>;
  private readonly killOnExit = () => this.child.kill();

  public constructor(
    private readonly child: ChildProcess,
    public readonly url: string,
  ) {
    process.once('exit', this.killOnExit);
    child.on('message', (m: ToParent) => {
      if (m.type !== 'result') return;
      const call = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) call?.reject(revive(m.error));
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

  public get endpointEnv(): Readonly<Record<string, string>> {
    return { HW_DIS_ENDPOINT: this.url, HW_AUTH_URL: `${this.url}/v3` };
  }

  public requestLog(): Promise<RequestLogEntry[]> {
    return this.call('requestLog') as Promise<RequestLogEntry[]>;
  }

  public async setTaskState(
    streamName: string,
    taskName: string,
    state: string,
    projectId?: string,
  ): Promise<void> {
    await this.call('setTaskState', streamName, taskName, state, projectId);
  }

  public async addTask(streamName: string, task: EmulatorTaskInput, projectId?: string): Promise<void> {
    await this.call('addTask', streamName, task, projectId);
  }

  public async removeTask(streamName: string, taskName: string, projectId?: string): Promise<void> {
    await this.call('removeTask', streamName, taskName, projectId);
  }

  public async injectFault(fault: EmulatorFault): Promise<void> {
    await this.call('injectFault', fault);
  }

  public async clearFaults(): Promise<void> {
    await this.call('clearFaults');
  }

  public async reset(): Promise<void> {
    await this.call('reset');
  }

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

/** Rebuilds an error from the child as a DisError with the same name, code and message. */
function revive(e: IpcError): DisError {
  const error = new DisError(e.code, e.message);
  Object.defineProperty(error, 'name', { value: e.name });
  return error;
}

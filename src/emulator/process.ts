// The emulator in a child process: starting it (startEmulatorProcess), the handle that forwards
// each control call over IPC, and the messages both sides exchange. The child's entry is ./child.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DisError, reviveDisError, type DisErrorJson } from '../client/errors';
import { endpointEnvOf, type DisEmulatorOptions, type EmulatorHandle } from './dis-emulator';
import { EMULATOR_ERRORS, EmulatorProcessError } from './errors';
import type { EmulatorFault } from './faults';
import type { RequestLogEntry } from './server';

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
function emulatorChildEntry(): string {
  const candidates = [
    join(__dirname, 'child.js'),
    join(__dirname, '..', '..', 'lib', 'emulator', 'child.js'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new EmulatorProcessError(
      `entry was not found (looked for ${candidates.join(' and ')})`,
      'Run `npm run build` first: the child runs the compiled lib/emulator/child.js.',
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
        reject(fromIpcError(m.error));
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

/**
 * The {@link EmulatorHandle} of an emulator running in a child process: each call is a message
 * over the IPC channel, answered by the child. The child is killed if this process exits first.
 */
class EmulatorProcessHandle implements EmulatorHandle {
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
    return endpointEnvOf(this.url);
  }

  /** {@inheritDoc EmulatorHandle.requestLog} */
  public requestLog(): Promise<RequestLogEntry[]> {
    return this.call('requestLog');
  }

  /** {@inheritDoc EmulatorHandle.setTaskState} */
  public setTaskState(...args: Parameters<EmulatorHandle['setTaskState']>): Promise<void> {
    return this.call('setTaskState', ...args);
  }

  /** {@inheritDoc EmulatorHandle.addTask} */
  public addTask(...args: Parameters<EmulatorHandle['addTask']>): Promise<void> {
    return this.call('addTask', ...args);
  }

  /** {@inheritDoc EmulatorHandle.removeTask} */
  public removeTask(...args: Parameters<EmulatorHandle['removeTask']>): Promise<void> {
    return this.call('removeTask', ...args);
  }

  /** {@inheritDoc EmulatorHandle.injectFault} */
  public injectFault(fault: EmulatorFault): Promise<void> {
    return this.call('injectFault', fault);
  }

  /** {@inheritDoc EmulatorHandle.clearFaults} */
  public clearFaults(): Promise<void> {
    return this.call('clearFaults');
  }

  /** {@inheritDoc EmulatorHandle.reset} */
  public reset(): Promise<void> {
    return this.call('reset');
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

  /** Calls `method` in the child; resolves with what it returned there. */
  private call<M extends HandleCall>(
    method: M,
    ...args: Parameters<EmulatorHandle[M]>
  ): Promise<Awaited<ReturnType<EmulatorHandle[M]>>> {
    if (!this.child.connected) {
      return Promise.reject(new EmulatorProcessError('has already stopped', 'Start a new emulator.'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ type: 'call', id, method, args } satisfies ToChild);
    });
  }
}

/** Options that can cross to the child: everything but the clock. */
export type ChildStartOptions = Omit<DisEmulatorOptions, 'clock'>;

/** Parent to child. */
export type ToChild =
  | { readonly type: 'start'; readonly options: ChildStartOptions }
  | { readonly type: 'call'; readonly id: number; readonly method: string; readonly args: unknown[] };

/** Child to parent. */
export type ToParent =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'failed'; readonly error: DisErrorJson }
  | { readonly type: 'result'; readonly id: number; readonly value?: unknown; readonly error?: DisErrorJson };

/**
 * The plain form of any thrown value, for the channel: a `DisError`'s JSON form (name, code,
 * message, details: never a secret, no stack); anything else under the code of
 * {@link EmulatorProcessError}, keeping its name and message.
 */
export function toIpcError(e: unknown): DisErrorJson {
  if (DisError.isDisError(e)) return e.toJSON();
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, code: EmulatorProcessError.CODE, message: err.message, details: {} };
}

/** Rebuilds an error from the channel: the emulator's own class for its code, with its details. */
export function fromIpcError(e: DisErrorJson): DisError {
  return reviveDisError(e, EMULATOR_ERRORS);
}

/** An {@link EmulatorHandle} method a parent may call in the child. */
type HandleCall = Exclude<keyof EmulatorHandle, 'url' | 'endpointEnv'>;

/** The {@link EmulatorHandle} methods a parent may call in the child. */
export const HANDLE_CALLS: ReadonlySet<string> = new Set<HandleCall>([
  'requestLog',
  'setTaskState',
  'addTask',
  'removeTask',
  'injectFault',
  'clearFaults',
  'reset',
  'stop',
]);

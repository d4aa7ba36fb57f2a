import { fork } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorHandle } from './dis-emulator';
import { EmulatorProcessError } from './errors';
import { EmulatorProcessHandle } from './emulator-process-handle';
import { fromIpcError, type ChildStartOptions, type ToChild, type ToParent } from './ipc-message';

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

// Shared by the lookup's tests: the demo scenario's data, the environment that points a lookup at
// an emulator, and the fixture app run as a user would run it.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DisError } from '../../src/client/errors';
import type { TransferTask } from '../../src/client/model';
import { startEmulatorProcess, type EmulatorHandle, type ScenarioInput } from '../../src/emulator';
import type { IContextStore } from '../../src/lookup/context-store';

/** The demo scenario's identity (scenarios/demo.json). */
export const REGION = 'cn-north-4';
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';

/** Tasks of stream `orders`, deliberately out of name order. */
export const ORDERS_TASKS: TransferTask[] = [
  {
    taskName: 'orders-to-obs',
    taskId: 't-2',
    state: 'RUNNING',
    destinationType: 'OBS',
    createTime: 1700000000000,
  },
  {
    taskName: 'orders-to-dli',
    state: 'PAUSED',
    destinationType: 'DLI',
    createTime: 1700000001000,
    lastTransferTimestamp: 1700000500000,
  },
];

/** Every variable a lookup or the client may read, cleared so the machine's own setup cannot leak in. */
const READ_BY_LOOKUPS = /^(HW_|OS_|HUAWEICLOUD_SDK_|DIS_LOOKUP_)/;

/**
 * Points process.env at `emu` with the given variables (token auth by default) and returns a
 * function that restores the original environment.
 */
export function useEmulatorEnv(
  emu: EmulatorHandle,
  extra: Record<string, string | undefined> = {},
): () => void {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (READ_BY_LOOKUPS.test(name)) delete process.env[name];
  Object.assign(process.env, emu.endpointEnv, {
    HW_REGION_NAME: REGION,
    HW_PROJECT_ID: PROJECT_ID,
    HW_AUTH_TOKEN: 'demo-token-0000',
  });
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    process.env = saved;
  };
}

/**
 * Runs `f` with none of the machine's lookup variables and `vars` set in process.env, restoring it
 * after (for lookups that read process.env, with no emulator).
 */
export function withLookupEnv<T>(vars: Record<string, string>, f: () => T): T {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (READ_BY_LOOKUPS.test(name)) delete process.env[name];
  Object.assign(process.env, vars);
  try {
    return f();
  } finally {
    process.env = saved;
  }
}

/** The package root: the fixture app requires the built package from here. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** A fresh copy of `test/fixtures/apps/lookup-app` in a temporary directory. */
export function copyLookupApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dis-app-'));
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'apps', 'lookup-app'), dir, { recursive: true });
  return dir;
}

/**
 * A clean environment for the app: nothing of the machine's HW_* / DIS_* setup, the package and
 * its dependencies resolvable from the copy, CLI telemetry off; plus the emulator's endpoints.
 */
export function appEnv(
  emu: EmulatorHandle | undefined,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_PATH: join(REPO_ROOT, 'node_modules'),
    DIS_PACKAGE_ROOT: REPO_ROOT,
    CI: '1',
    CHECKPOINT_DISABLE: '1',
    HW_REGION_NAME: REGION,
    HW_PROJECT_ID: PROJECT_ID,
    ...(emu ? emu.endpointEnv : {}),
    ...extra,
  };
}

/**
 * The environment of a teammate or a CI job with nothing configured: no HW_* variable at all (no
 * region, project, endpoint or credentials), no DIS_* variable; the package resolvable, telemetry off.
 */
export function bareAppEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = appEnv(undefined, extra);
  for (const name of Object.keys(env)) if (name.startsWith('HW_') && !(name in extra)) delete env[name];
  return env;
}

/** The result of a child run. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How long a child run may take before it is killed: a bound for a hang, not a speed check. */
const RUN_BOUND_MS = 120_000;

/**
 * Runs `file args` in `cwd` without blocking this thread (the emulator may live in another child).
 * A child still running after 120 s is killed, and its stderr ends with a line that says so.
 */
export function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      { cwd, env, timeout: RUN_BOUND_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const killed = error?.killed
          ? `\nbounded wait: ${file} ${args.join(' ')} had not exited within ${RUN_BOUND_MS} ms (${error.signal})\n`
          : '';
        done({ code, stdout, stderr: stderr + killed });
      },
    );
  });
}

/** Runs the app with plain node (`node main.js`), writing into `cdktf.out` of `dir`. */
export function runApp(dir: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return run(process.execPath, ['main.js'], dir, env);
}

/** Runs the real `cdktf synth` of the installed cdktf-cli on the app in `dir`. */
export function runCdktfSynth(dir: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return run(join(REPO_ROOT, 'node_modules', '.bin', 'cdktf'), ['synth'], dir, env);
}

/** Every file under `dir`, as `relative path -> contents`. */
export function readTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, readTree(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

/** The demo scenario plus one stream per name, each with one running task `<name>-to-obs`. */
export function scenarioWithStreams(names: readonly string[]): ScenarioInput {
  const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'scenarios', 'demo.json'), 'utf8'));
  names.forEach((name, i) => {
    demo.projects[0].streams.push({
      name,
      tasks: [
        {
          taskName: `${name}-to-obs`,
          taskId: `${name}ToObs`,
          state: 'RUNNING',
          destinationType: 'OBS',
          createTime: i,
        },
      ],
    });
  });
  return demo;
}

/** A fresh folder for one test and the path of a context cache file in it (not created). */
export function tempContextFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dis-context-file-'));
  return { dir, file: join(dir, 'cdktf.context.json') };
}

/** What `f` throws, when it is a coded error; anything else (or nothing) fails the test. */
export function thrownDisError(f: () => unknown): DisError {
  try {
    f();
  } catch (e) {
    if (DisError.isDisError(e)) return e;
    throw e;
  }
  throw new Error('expected a coded error');
}

/** What a test file of app runs shares: one emulator child process, and a fresh app copy per test. */
export interface EmulatorAppSuite {
  /** The emulator (reset before each test). */
  readonly emu: EmulatorHandle;
  /** This test's copy of the lookup app. */
  readonly dir: string;
}

/**
 * Registers the hooks of a test file that runs the lookup app against one emulator: started once,
 * reset before each test; a fresh copy of the app per test, removed after it.
 */
export function emulatorAppSuite(scenario?: ScenarioInput): EmulatorAppSuite {
  let emu: EmulatorHandle | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    emu = await startEmulatorProcess(scenario ? { scenario } : {});
  });
  afterAll(() => emu?.stop());
  beforeEach(async () => {
    await emu!.reset();
    dir = copyLookupApp();
  });
  afterEach(() => rmSync(dir!, { recursive: true, force: true }));
  return {
    get emu() {
      return emu!;
    },
    get dir() {
      return dir!;
    },
  };
}

/**
 * A context store that keeps what it is given as it is and lists every update: MemoryContextStore
 * copies with structuredClone, whose objects toStrictEqual tells apart from the test's own.
 */
export class RecordingStore implements IContextStore {
  /** Every `update`, in order, as it was called. */
  public readonly updates: Record<string, unknown>[] = [];
  private entries: Record<string, unknown>;

  public constructor(initial: Record<string, unknown> = {}) {
    this.entries = { ...initial };
  }

  public read(): Record<string, unknown> {
    return { ...this.entries };
  }

  public get(key: string): unknown {
    return this.entries[key];
  }

  public update(entries: Record<string, unknown>): void {
    this.updates.push(entries);
    const next = { ...this.entries, ...entries };
    for (const [key, value] of Object.entries(entries)) if (value === undefined) delete next[key];
    this.entries = next;
  }
}

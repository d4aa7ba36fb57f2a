import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EmulatorHandle } from '../../../src/emulator';
import { PROJECT_ID, REGION } from './demo-tasks';

/** The package root: the fixture app requires the built package from here. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

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

/** The result of a child run. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `file args` in `cwd` without blocking this thread (the emulator may live in another child). */
export function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      { cwd, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
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

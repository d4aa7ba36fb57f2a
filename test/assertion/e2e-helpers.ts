import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root. */
export const REPO = join(__dirname, '..', '..');

/** The result of a finished command. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Secrets that must never appear in synthesized JSON, state or reports. */
export const CANARIES = {
  HW_ACCESS_KEY: 'CANARYAK0000000000000',
  HW_SECRET_KEY: 'canary-secret-key-5b7e0c1d9a',
  HW_SECURITY_TOKEN: 'canary-security-token-e3f19a',
  HW_AUTH_TOKEN: 'canary-auth-token-77d2c4',
  HW_PASSWORD: 'canary-password-41af0e',
};

/**
 * The environment of an app or a check against the emulator at `url` (region cn-north-4), with the
 * canaries set: add the credentials the test means to use.
 */
export function emulatorEnv(url: string): Record<string, string> {
  return { ...CANARIES, HW_DIS_ENDPOINT: url, HW_AUTH_URL: `${url}/v3`, HW_REGION_NAME: 'cn-north-4' };
}

/** Runs a command to completion; terraform's checkpoint, cdktf's version check and the missing CLI config are kept quiet. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): RunResult {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    CHECKPOINT_DISABLE: '1',
    DISABLE_VERSION_CHECK: 'true',
    CI: '1',
    ...env,
  };
  delete merged.TF_CLI_CONFIG_FILE;
  const r = spawnSync(command, args, {
    cwd,
    env: merged as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** A temporary project folder holding main.js (which runs fixtures/gate-app.js) and cdktf.json. */
export function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dis-gate-e2e-'));
  writeFileSync(
    join(dir, 'main.js'),
    `require(${JSON.stringify(join(__dirname, 'fixtures', 'gate-app.js'))});\n`,
  );
  writeFileSync(
    join(dir, 'cdktf.json'),
    JSON.stringify({
      language: 'typescript',
      app: 'node main.js',
      terraformProviders: [],
      terraformModules: [],
      context: {},
    }),
  );
  return dir;
}

/** Runs the app with `node main.js` (the same as app.synth()). */
export function synth(dir: string, config: object, env: Record<string, string | undefined> = {}): RunResult {
  return run(process.execPath, ['main.js'], dir, { ...env, GATE_APP_CONFIG: JSON.stringify(config) });
}

/** Every file under `dir` whose content contains `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === 'node_modules' || name === '.terraform') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (readFileSync(p, 'utf8').includes(needle)) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}

/** The demo's tasks as a context value, with orders-to-dli in `dliState`. */
export function demoTasks(dliState: string): object[] {
  return [
    {
      taskName: 'orders-to-dli',
      taskId: 'demoOrdersToDli0001',
      state: dliState,
      destinationType: 'DLI',
      createTime: 1764547320000,
      lastTransferTimestamp: 1795867140000,
    },
    {
      taskName: 'orders-to-obs',
      taskId: 'demoOrdersToObs0001',
      state: 'RUNNING',
      destinationType: 'OBS',
      createTime: 1764547260000,
      lastTransferTimestamp: 1795867140000,
    },
  ];
}

/** The fetch time of {@link demoTasks}: one minute after their last transfer. */
export const DEMO_FETCHED_AT = '2026-11-28T12:00:00.000Z';

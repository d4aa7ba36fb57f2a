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

/** Every file under `dir` (relative paths, sorted), skipping node_modules and .terraform. */
export function filesUnder(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const name of readdirSync(join(dir, prefix))) {
    if (name === 'node_modules' || name === '.terraform') continue;
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, relative)).isDirectory()) files.push(...filesUnder(dir, relative));
    else files.push(relative);
  }
  return files.sort();
}

/** What a search of a folder for secrets found: every file it read, and each secret's hits. */
export interface SecretScan {
  /** The files read (relative to the folder): a scan that read nothing proves nothing. */
  readonly scanned: string[];
  /** `file: secret` for each file that holds one of the secrets. */
  readonly hits: string[];
}

/** Reads every file under `dir` (see {@link filesUnder}) and lists those holding one of `secrets`. */
export function scanForSecrets(dir: string, secrets: readonly string[]): SecretScan {
  const scanned = filesUnder(dir);
  const hits: string[] = [];
  for (const file of scanned) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const secret of secrets) if (text.includes(secret)) hits.push(`${file}: ${secret}`);
  }
  return { scanned, hits };
}

/** A project folder of {@link makeProject} whose stack was synthesized and `terraform init`ed. */
export interface TerraformProject {
  readonly dir: string;
  /** cdktf.out/stacks/demo, where terraform runs. */
  readonly stackDir: string;
  /** The synth that made the stack (it succeeded). */
  readonly synthesized: RunResult;
  /** Runs terraform in the stack folder (`-input=false -no-color` added) with the project's environment. */
  terraform(...args: string[]): RunResult;
}

/**
 * A fresh project of its own, synthesized with `config` and initialized, for one test: no test
 * depends on another's init, apply or state. Init needs no provider (terraform_data is built in).
 * Fails with what synth or init wrote. Remove `dir` when done.
 */
export function terraformProject(
  config: object,
  env: Record<string, string | undefined> = {},
): TerraformProject {
  const dir = makeProject();
  const stackDir = join(dir, 'cdktf.out', 'stacks', 'demo');
  const terraform = (...args: string[]) =>
    run('terraform', [...args, '-input=false', '-no-color'], stackDir, env);
  const s = synth(dir, config, env);
  if (s.status !== 0) throw new Error(`synth failed (status ${s.status}):\n${s.stderr}`);
  const init = terraform('init');
  if (init.status !== 0) throw new Error(`terraform init failed (status ${init.status}):\n${init.stderr}`);
  return { dir, stackDir, synthesized: s, terraform };
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

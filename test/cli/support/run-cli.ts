import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built bin, exactly what `npx dis-transfer-tasks` runs (build first: `npm run build`). */
export const BIN = resolve(__dirname, '..', '..', '..', 'lib', 'cli', 'main.js');

/**
 * Secret-looking values put into every CLI run's environment (in variables the CLI must never
 * print, whether it uses them or not). {@link runCli} records all output so that each test file can
 * assert none of them ever appeared.
 */
export const CANARY_SECRETS: Readonly<Record<string, string>> = {
  // A complete fallback credential set (the official SDK's variables), outranked by the HW_* ones
  // the tests use: present, valid-looking, and never to be printed.
  HUAWEICLOUD_SDK_AK: 'CANARYAK000000000000',
  HUAWEICLOUD_SDK_SK: 'canary-sdk-secret-key-7f3a9c',
  HUAWEICLOUD_SDK_SECURITY_TOKEN: 'canary-sdk-security-token-51d2',
};

/** Everything every run has written, for the canary search. */
export const allOutput: string[] = [];

/** What one CLI run did. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Variables added to a clean environment (PATH and the canaries only). */
  readonly env?: Record<string, string>;
  /** The working directory. @default the current directory */
  readonly cwd?: string;
  /** Leave the canary secrets out (for runs that must see no credentials at all). @default false */
  readonly withoutCanaries?: boolean;
}

/** Runs `node lib/cli/main.js ...args` in a clean environment and collects its output. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const env = {
    PATH: process.env.PATH ?? '',
    ...(options.withoutCanaries ? {} : CANARY_SECRETS),
    ...options.env,
  };
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env, cwd: options.cwd ?? process.cwd(), timeout: 30_000 },
      (error, stdout, stderr) => {
        allOutput.push(stdout, stderr);
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** The canary secrets plus `extra`: values no output may contain (access key ids are not secret). */
export function forbiddenValues(extra: readonly string[] = []): string[] {
  return [CANARY_SECRETS.HUAWEICLOUD_SDK_SK, CANARY_SECRETS.HUAWEICLOUD_SDK_SECURITY_TOKEN, ...extra];
}

/** A temporary directory removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dis-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Asserts a run's exit code; on a mismatch the failure shows what the CLI wrote, which a bare
 * `expect(run.code).toBe(n)` would hide.
 */
export function expectExit(run: CliRun, code: number): void {
  if (run.code !== code) {
    throw new Error(
      `expected exit code ${code}, got ${run.code}\n--- stderr ---\n${run.stderr}\n--- stdout ---\n${run.stdout}`,
    );
  }
}

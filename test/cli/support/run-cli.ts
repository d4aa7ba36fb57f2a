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
  HUAWEICLOUD_SDK_SK: 'canary-sdk-secret-key-7f3a9c',
  HUAWEICLOUD_SDK_SECURITY_TOKEN: 'canary-sdk-security-token-51d2',
  HW_PASSWORD: 'canary-password-c0ffee',
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
}

/** Runs `node lib/cli/main.js ...args` in a clean environment and collects its output. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const env = { PATH: process.env.PATH ?? '', ...CANARY_SECRETS, ...options.env };
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

/** The secrets of `env` plus the canaries: values no output may contain. */
export function forbiddenValues(extra: readonly string[] = []): string[] {
  return [...Object.values(CANARY_SECRETS), ...extra];
}

/** A temporary directory removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dis-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

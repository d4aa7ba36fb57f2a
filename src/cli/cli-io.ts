/** A stream the CLI writes to: `process.stdout`, `process.stderr` or a test double. */
export interface CliOutput {
  /** Writes text as is (the CLI adds its own newlines). */
  write(text: string): unknown;
  /** True when the stream is a terminal; colour is used only then. @default false */
  readonly isTTY?: boolean;
}

/**
 * Everything a command may touch outside its arguments. `main` wires it to the process; tests
 * call `exec` with their own, so no command reads `process` directly.
 */
export interface CliIo {
  /** Where results go (tables, JSON, reports without `--report-file`). */
  readonly stdout: CliOutput;
  /** Where errors, warnings and progress go. */
  readonly stderr: CliOutput;
  /** The environment: credentials, region, `NO_COLOR`. Never printed. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths (files, `cdktf.context.json`) are resolved against. */
  readonly cwd: string;
  /**
   * Aborted when the process is asked to stop (SIGINT, SIGTERM); long-running commands end then.
   * @default none: long-running commands run for the life of the process
   */
  readonly signal?: AbortSignal;
  /** The current time; injected so ages in tables are testable. @default Date.now */
  readonly now?: () => number;
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'xml-js';
import type { CommandSuite } from './command-suite';
import { tokenEnv } from './demo-emulator';
import { type CliRun, runCli } from './run-cli';

/** What the `check` suites share, bound to a command suite (its emulator and temporary folder). */
export interface CheckHelpers {
  /** Runs `check …args` with a token for the emulator, `env` added, in the suite's folder. */
  check(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
  /** Writes `value` as JSON to `name` in the suite's folder and returns the path. */
  writeJson(name: string, value: unknown): string;
}

/** The helpers of the `check` suites for `suite`. */
export function checkHelpers(suite: CommandSuite): CheckHelpers {
  return {
    check: (args, env = {}) =>
      runCli(['check', ...args], { env: { ...tokenEnv(suite.emulator), ...env }, cwd: suite.tmp.dir }),
    writeJson: (name, value) => {
      const file = join(suite.tmp.dir, name);
      writeFileSync(file, JSON.stringify(value, undefined, 2));
      return file;
    },
  };
}

/** The child elements of `e` named `name` (xml-js's non-compact form). */
export function xmlElements(e: Element, name: string): Element[] {
  return (e.elements ?? []).filter((c) => c.type === 'element' && c.name === name);
}

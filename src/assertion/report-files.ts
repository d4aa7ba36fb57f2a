// The reports a gate writes beside its stack (JSON, SARIF), and where its SARIF results point: the
// stack file that created the gate (from the call stack) and the context cache its snapshots were
// recorded in (the line of each stream's entry), relative to the repository root.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transferTasksContextKey } from '../lookup/context-entry';
import { CONTEXT_FILE_ENV_VAR, DEFAULT_CONTEXT_FILE } from '../lookup/context-store';
import type { GateReport } from './gate-report';
import type { GateSarifOptions, SarifFileLocation } from './sarif';

/** A report a `DisTransferTasksAssertion` writes beside its stack. */
export enum GateReportFormat {
  /** The gate report as JSON (`GateReport`), `dis-gate.<construct path>.report.json`. */
  JSON = 'json',
  /**
   * SARIF 2.1.0 for GitHub code scanning and other CI views, `dis-gate.<construct path>.report.sarif`:
   * results located in the stack file or `cdktf.context.json`, acknowledged findings suppressed.
   */
  SARIF = 'sarif',
}

/** This package's root: frames inside its `src/` or `lib/` are not the app's. */
const PACKAGE_ROOT = resolve(__dirname, '..', '..');
const OWN_CODE = [join(PACKAGE_ROOT, 'src') + sep, join(PACKAGE_ROOT, 'lib') + sep];

/**
 * Where the code that is running was called from, outside this package, cdktf, constructs and
 * Node itself: for a gate, the line of the stack file that creates it. Read from the call stack's
 * text, which a source-map hook (ts-node) has already mapped to the TypeScript source. Undefined
 * when no such frame exists (a jsii host language, whose frames are the kernel's).
 */
export function creationSite(stack: string | undefined = new Error().stack): SarifFileLocation | undefined {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = /(?:at |\()((?:file:\/\/)?[^()]+?):(\d+):\d+\)?$/.exec(line.trim());
    if (match === null) continue;
    const file = match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1];
    if (!isAbsolute(file)) continue; // node:internal/…, <anonymous>
    if (file.includes(`${sep}node_modules${sep}`) || OWN_CODE.some((own) => file.startsWith(own))) continue;
    return { path: file, line: Number(match[2]) };
  }
  return undefined;
}

/** The root of the repository that holds `from` (the nearest folder with `.git`), else `from`. */
export function repositoryRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/**
 * The context cache a lookup recorded in, as it resolves it (its `contextFile` prop, else
 * `DIS_LOOKUP_CONTEXT_FILE`, else `cdktf.context.json` in the working directory), with the line of
 * each stream's entry when the file holds one.
 */
export function contextFileLocation(
  report: GateReport,
  contextFile: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SarifFileLocation {
  const path = resolve(contextFile ?? (env[CONTEXT_FILE_ENV_VAR]?.trim() || DEFAULT_CONTEXT_FILE));
  let lines: string[] = [];
  try {
    if (statSync(path).isFile()) lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    // Not written (yet): the results point at its first line.
  }
  const streamLines: Record<string, number> = {};
  for (const s of report.streams) {
    const key = JSON.stringify(transferTasksContextKey(s.region, s.projectId, s.streamName));
    const index = lines.findIndex((l) => l.includes(`${key}:`));
    if (index >= 0) streamLines[s.streamName] = index + 1;
  }
  return { path, streamLines };
}

/**
 * Where the SARIF results of a gate point: the stack file (or, when the call stack did not show
 * one, `cdktf.json`), the context cache, relative to the repository root.
 */
export function gateSarifOptions(
  report: GateReport,
  constructPath: string,
  site: SarifFileLocation | undefined,
  contextFile: string | undefined,
): GateSarifOptions {
  const cwd = process.cwd();
  return {
    sourceFile: site ?? { path: join(cwd, 'cdktf.json') },
    contextFile: contextFileLocation(report, contextFile),
    sourceRoot: repositoryRoot(cwd),
    constructPath,
  };
}

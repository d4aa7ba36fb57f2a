// The gate file: what `apply` enforcement writes beside the stack and `check --gate-file` reads.
import { readFileSync } from 'node:fs';
import type { ITransferTasksLookup } from '../lookup/dis-transfer-tasks';
import { GateConfigError } from './errors';
import type * as schemas from './gate-file-schema';
import type { GateRules } from './gate-rules';

/** Where a gate looks: the streams (or every stream) of one project. Never credentials. */
export interface GateTarget {
  /** The region, for example `cn-north-4`. */
  readonly region: string;
  /** The project id. */
  readonly projectId: string;
  /**
   * The streams to check.
   * @default - none; then `allStreams` must be true
   */
  readonly streams?: string[];
  /**
   * Check every stream of the project.
   * @default false
   */
  readonly allStreams?: boolean;
  /**
   * The DIS base URL.
   * @default - resolved by the client from the region or `HW_DIS_ENDPOINT`
   */
  readonly endpoint?: string;
}

/**
 * The file `apply` enforcement writes beside the stack and `dis-transfer-tasks check --gate-file`
 * reads: the target and the rules, as JSON. Credentials come from the environment at check time
 * and are refused here.
 */
export interface GateFile {
  /** The gate file format version. */
  readonly formatVersion: 1;
  /** The construct path of the assertion that wrote it, for messages. */
  readonly constructPath?: string;
  /** Where to look. */
  readonly target: GateTarget;
  /** What to require. */
  readonly rules: GateRules;
}

// The zod schemas live in ./gate-file-schema, loaded only when a gate file is parsed: loading the
// package (and synth with any enforcement but APPLY) does not load zod, and the package's
// declarations name no zod type.

/**
 * Validates parsed JSON as a {@link GateFile}.
 * @param value the parsed JSON
 * @param source where it came from (a file name), for the error message
 * @throws GateConfigError listing every problem, path by path
 */
export function parseGateFile(value: unknown, source = 'the gate file'): GateFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { GateFileSchema } = require('./gate-file-schema') as typeof schemas;
  const result = GateFileSchema.safeParse(value);
  if (result.success) return result.data as GateFile;
  const problems = result.error.issues.map(
    (i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`,
  );
  throw new GateConfigError(
    `${source} is not a valid gate file: ${problems.join('; ')}. Re-run cdktf synth to regenerate it, or fix it by hand (see the README, "The gate").`,
    { source, problems },
  );
}

/**
 * Reads and validates a gate file.
 * @throws GateConfigError when the file cannot be read, is not JSON or is not a gate file
 */
export function readGateFile(path: string): GateFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new GateConfigError(
      `Cannot read the gate file ${path} (${code}). Pass the path of a file written by cdktf synth (dis-gate.*.gate.json beside the stack).`,
      { source: `the gate file ${path}` },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new GateConfigError(
      `The gate file ${path} is not JSON (${(e as Error).message}). Re-run cdktf synth to regenerate it.`,
      { source: `the gate file ${path}` },
    );
  }
  return parseGateFile(json, `The gate file ${path}`);
}

/** The gate file of an assertion: the lookup's target (never its credentials) and the rules. */
export function gateFileFor(constructPath: string, lookup: ITransferTasksLookup, rules: GateRules): GateFile {
  return parseGateFile(
    {
      formatVersion: 1,
      constructPath,
      target: {
        region: lookup.region,
        projectId: lookup.projectId,
        ...(lookup.allStreams
          ? { allStreams: true }
          : { streams: lookup.snapshots.map((s) => s.streamName) }),
        ...(lookup.endpoint === undefined ? {} : { endpoint: lookup.endpoint }),
      },
      rules,
    },
    `The gate file of ${constructPath}`,
  );
}

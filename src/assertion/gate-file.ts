// The gate file: what `apply` enforcement writes beside the stack and `check --gate-file` reads.
import { readFileSync } from 'node:fs';
import type { ITransferTasksLookup } from '../lookup/dis-transfer-tasks';
import { GateConfigError } from './errors';
import { FieldChecker } from './field-checker';
import { checkGateRules, type GateRules } from './gate-rules';

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
  /**
   * False when a stream may not exist yet (the lookup's `mustExist: false`): the check then
   * reports it as `DIS-STREAM-ABSENT` instead of failing with the service's `DIS.4301`.
   * @default true
   */
  readonly mustExist?: boolean;
}

/**
 * The file `apply` enforcement writes beside the stack and `dis-transfer-tasks check --gate-file`
 * reads: the target and the rules, as JSON. Credentials come from the environment at check time
 * and are refused here.
 */
export interface GateFile {
  /** The gate file format version. */
  readonly formatVersion: 1;
  /** The construct path of the gate (`DisTransferTasksAssertion`) that wrote it, for messages. */
  readonly constructPath?: string;
  /** Where to look. */
  readonly target: GateTarget;
  /** What to require. */
  readonly rules: GateRules;
}

const FILE_FIELDS = ['formatVersion', 'constructPath', 'target', 'rules'];
const TARGET_FIELDS = ['region', 'projectId', 'streams', 'allStreams', 'endpoint', 'mustExist'];

/**
 * Validates parsed JSON as a {@link GateFile}: unknown fields are refused (so a credential cannot
 * sit in one), the rules go through the one validator of gate rules. Returns a copy with the
 * fields in their documented order.
 * @param value the parsed JSON
 * @param source where it came from (a file name), for the error message
 * @throws GateConfigError listing every problem, path by path
 */
export function parseGateFile(value: unknown, source = 'The gate file'): GateFile {
  const checker = new FieldChecker();
  const file = checker.object(value, [], FILE_FIELDS);
  if (file !== undefined) {
    const formatVersion = checker.oneOf(file.formatVersion, ['formatVersion'], [1] as const);
    const constructPath = checker.optional(file, 'constructPath', (v) =>
      checker.string(v, ['constructPath']),
    );
    const target = checkTarget(checker, file.target);
    const rules = checkGateRules(checker, file.rules, ['rules']);
    if (checker.problems.length === 0) {
      return { formatVersion: formatVersion!, ...constructPath, target: target!, rules: rules! };
    }
  }
  throw new GateConfigError(
    `${source} is not a valid gate file: ${checker.problems.join('; ')}. Re-run cdktf synth to regenerate it, or fix it by hand (see the README, "The gate").`,
    { source, problems: checker.problems },
  );
}

function checkTarget(checker: FieldChecker, value: unknown): GateTarget | undefined {
  const hint = `use ${TARGET_FIELDS.join(', ')}; credentials come from the environment of the check`;
  const before = checker.problems.length;
  const target = checker.object(value, ['target'], TARGET_FIELDS, hint);
  if (target === undefined) return undefined;
  const region = checker.string(target.region, ['target', 'region'], true);
  const projectId = checker.string(target.projectId, ['target', 'projectId'], true);
  const streams = checker.optional(target, 'streams', (v) => checker.names(v, ['target', 'streams'], true));
  const allStreams = checker.optional(target, 'allStreams', (v) =>
    checker.oneOf(v, ['target', 'allStreams'], [true, false]),
  );
  const endpoint = checker.optional(target, 'endpoint', (v) =>
    typeof v === 'string' && URL.canParse(v) ? v : checker.fail(['target', 'endpoint'], 'a URL', v),
  );
  const mustExist = checker.optional(target, 'mustExist', (v) => checker.boolean(v, ['target', 'mustExist']));
  if (checker.problems.length > before) return undefined;
  if ((target.allStreams === true) === (target.streams !== undefined)) {
    checker.problems.push('target: give either "streams" (a non-empty list) or "allStreams": true, not both');
    return undefined;
  }
  return { region: region!, projectId: projectId!, ...streams, ...allStreams, ...endpoint, ...mustExist };
}

/**
 * Reads a JSON file of the gate's (a gate file, an acknowledgements file): a file that cannot be
 * read (`detail` is the system error code) or is not JSON (`detail` is the parser's message) becomes
 * the error `fail` builds.
 */
export function readJsonFile(
  path: string,
  fail: (problem: 'unreadable' | 'not-json', detail: string) => Error,
): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw fail('unreadable', (e as NodeJS.ErrnoException).code ?? 'unknown error');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw fail('not-json', (e as Error).message);
  }
}

/**
 * Reads and validates a gate file.
 * @throws GateConfigError when the file cannot be read, is not JSON or is not a gate file
 */
export function readGateFile(path: string): GateFile {
  const json = readJsonFile(
    path,
    (problem, detail) =>
      new GateConfigError(
        problem === 'unreadable'
          ? `Cannot read the gate file ${path} (${detail}). Pass the path of a file written by cdktf synth (dis-gate.*.gate.json beside the stack).`
          : `The gate file ${path} is not JSON (${detail}). Re-run cdktf synth to regenerate it.`,
        { source: `the gate file ${path}` },
      ),
  );
  return parseGateFile(json, `The gate file ${path}`);
}

/** The gate file of a `DisTransferTasksAssertion`: the lookup's target (never its credentials) and the rules. */
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
        // A stream that did not exist at synth (mustExist: false) may still not exist at apply.
        ...(lookup.snapshots.some((s) => s.streamExists === false) ? { mustExist: false } : {}),
      },
      rules,
    },
    `The gate file of ${constructPath}`,
  );
}

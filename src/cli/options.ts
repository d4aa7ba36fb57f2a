// The options several commands share and what they select: the DIS target (region, project,
// endpoint), the deadline of each call and the client built for both, the streams, and the output
// format.

import type { DisClient } from '../client/dis-client';
import { checkStreamName } from '../client/config';
import { type CliArgs, type CliOptionSpec, parseDuration } from './command';
import { CliUsageError } from './errors';
import { quote } from './escape';
import type { CliIo } from './output';

/** Options that say which project, region and endpoint to talk to; shared by `list`, `check` and `context refresh`. */
export const TARGET_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  project: {
    type: 'string',
    valueName: 'ID',
    description: 'Project id. Default: HW_PROJECT_ID, else looked up in IAM for the region.',
  },
  region: {
    type: 'string',
    valueName: 'REGION',
    description: 'Region, for example cn-north-4. Default: HW_REGION_NAME.',
  },
  endpoint: {
    type: 'string',
    valueName: 'URL',
    description:
      'DIS base URL, for example the emulator. Default: HW_DIS_ENDPOINT, else the public endpoint of the region.',
  },
};

/** Where the target options point, with anything not given left to the client's environment chain. */
export interface TargetOverrides {
  /** `--region`. @default the client's chain: `HW_REGION_NAME`, … */
  readonly region?: string;
  /** `--project`. @default the client's chain: `HW_PROJECT_ID`, …, then IAM */
  readonly projectId?: string;
  /** `--endpoint`. @default the client's chain: `HW_DIS_ENDPOINT`, then the region's public endpoint */
  readonly endpoint?: string;
}

/** The `--region`, `--project` and `--endpoint` values of a command line. */
export function targetOverrides(args: CliArgs): TargetOverrides {
  const pick = (name: string) =>
    typeof args.values[name] === 'string' ? (args.values[name] as string) : undefined;
  return { region: pick('region'), projectId: pick('project'), endpoint: pick('endpoint') };
}

// ---------------------------------------------------------------------------------------------
// The deadline of each call

/** The CLI's deadline option, named in the fix of the client's deadline error (`deadlineHint`). */
export const TIMEOUT_FLAG = '--timeout';

/** The longest `--timeout`: a day, far beyond any sane call and well within what timers can wait. */
const MAX_TIMEOUT_SECONDS = 86_400;

/** `--timeout`: the deadline of each call to DIS or IAM; shared by every command that calls them. */
export const TIMEOUT_OPTION: Readonly<Record<string, CliOptionSpec>> = {
  timeout: {
    type: 'string',
    valueName: 'DURATION',
    description:
      "How long each call to DIS or IAM may take, retries included: seconds or 90s, 2m. Default: the client's deadline, 30s.",
  },
};

/** The `--timeout` value in milliseconds, checked; `undefined` when not given (the client's default). */
export function timeoutMs(args: CliArgs): number | undefined {
  const text = args.values.timeout;
  if (typeof text !== 'string') {
    return undefined;
  }
  const seconds = parseDuration(text, TIMEOUT_FLAG);
  if (seconds * 1000 < 1 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new CliUsageError(
      `${TIMEOUT_FLAG} must be at least 1 ms and at most a day (1d), not ${quote(text)}. Example: ${TIMEOUT_FLAG} 2m.`,
    );
  }
  return Math.round(seconds * 1000);
}

/** How a command's client behaves, beyond where it points. */
export interface ClientSettings {
  /** `--timeout`, in ms. @default the client's deadline */
  readonly deadlineMs?: number;
}

/** The client settings of a command line. */
export function clientSettings(args: CliArgs): ClientSettings {
  const deadlineMs = timeoutMs(args);
  return deadlineMs === undefined ? {} : { deadlineMs };
}

/**
 * A `DisClient` for a command: the overrides given, the rest (credentials above all) from the
 * command's environment, exactly as the huaweicloud provider reads it. The client's own rules
 * apply unchanged (plain `http://` only for loopback hosts such as the emulator).
 */
export async function createClient(
  overrides: TargetOverrides,
  io: CliIo,
  settings: ClientSettings = {},
): Promise<DisClient> {
  // Loaded on use: undici and the client's schemas would slow the commands that do not call DIS.
  const { DisClient } = await import('../client/dis-client');
  return new DisClient({
    ...(overrides.region === undefined ? {} : { region: overrides.region }),
    ...(overrides.projectId === undefined ? {} : { projectId: overrides.projectId }),
    ...(overrides.endpoint === undefined ? {} : { endpoint: overrides.endpoint }),
    ...(settings.deadlineMs === undefined ? {} : { deadlineMs: settings.deadlineMs }),
    deadlineHint: TIMEOUT_FLAG,
    env: io.env,
    userAgent: 'cdktf-dis-transfer-tasks-cli',
  });
}

/**
 * How many DIS requests `list` and `context refresh` keep in flight: a handful, well under the
 * per-user request limits of the API gateway, enough to hide latency for a project's streams.
 */
export const FETCH_CONCURRENCY = 4;

// ---------------------------------------------------------------------------------------------
// Streams

/** `--stream` (repeatable) and `--all-streams`: which streams a command looks at. */
export const STREAM_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  stream: {
    type: 'string',
    short: 's',
    multiple: true,
    valueName: 'NAME',
    description: 'A DIS stream name.',
  },
  'all-streams': { type: 'boolean', description: 'Every stream of the project instead of --stream.' },
};

/** The streams selected: `{ allStreams: true }` or a non-empty, de-duplicated list of names. */
export type StreamSelection =
  { readonly allStreams: true } | { readonly allStreams: false; readonly streams: string[] };

/** Reads and checks `--stream`/`--all-streams`: exactly one of them must be given. */
export function streamSelection(args: CliArgs, command: string): StreamSelection {
  const streams = [...new Set((args.values.stream as string[] | undefined) ?? [])];
  const all = args.values['all-streams'] === true;
  if (all && streams.length > 0) {
    throw new CliUsageError(`Give --stream or --all-streams, not both. Example: ${command} --stream orders.`);
  }
  if (!all && streams.length === 0) {
    throw new CliUsageError(
      `${command} needs the streams to look at: --stream NAME (repeatable) or --all-streams. Example: ${command} --stream orders.`,
    );
  }
  if (streams.some((s) => s.trim() === '')) {
    throw new CliUsageError(
      `--stream needs a stream name, not an empty string. Example: ${command} --stream orders.`,
    );
  }
  // Checked here, before the client resolves the project (which may ask IAM): no request for a
  // name the API would refuse anyway.
  for (const stream of streams) checkStreamName(stream, '--stream');
  return all ? { allStreams: true } : { allStreams: false, streams };
}

// ---------------------------------------------------------------------------------------------
// Output format

/** What a command can print: a table (or text) for people, or a machine-readable format. */
export type OutputFormat = 'table' | 'json' | 'junit' | 'sarif';

/** The formats of the listing commands (`list`, `context list`, `context diff`). */
export const LISTING_FORMATS: readonly OutputFormat[] = ['table', 'json'];

/** The option that picks the output format: one name across commands. */
export const OUTPUT_FLAG = '--output';

/** The `--output` option of a command that prints `formats` (the first is the default). */
export function outputOption(formats: readonly OutputFormat[]): Readonly<Record<string, CliOptionSpec>> {
  return {
    output: {
      type: 'string',
      short: 'o',
      valueName: formats.join('|'),
      description: `Output format: ${formats[0]} for people, ${formats.slice(1).join(', ')} for scripts and CI. Default: ${formats[0]}.`,
    },
  };
}

/** The `--output` option of listing commands. */
export const OUTPUT_OPTION = outputOption(LISTING_FORMATS);

/** The `--output` value, checked against `formats`; the first of them when not given. */
export function outputFormat(
  args: CliArgs,
  command: string,
  formats: readonly OutputFormat[] = LISTING_FORMATS,
): OutputFormat {
  const value = args.values.output ?? formats[0];
  if (!formats.includes(value as OutputFormat)) {
    const list = `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
    throw new CliUsageError(
      `${OUTPUT_FLAG} must be ${list}, not ${quote(String(value))}. Example: ${command} ${OUTPUT_FLAG} json.`,
    );
  }
  return value as OutputFormat;
}

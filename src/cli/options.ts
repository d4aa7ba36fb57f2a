// The options several commands share and what they select: the DIS target (region, project,
// endpoint) and the client built for it, the streams, and the output format.

import type { DisClient } from '../client/dis-client';
import { checkStreamName } from '../client/config';
import type { CliArgs, CliOptionSpec } from './command';
import { CliUsageError } from './errors';
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

/**
 * A `DisClient` for a command: the overrides given, the rest (credentials above all) from the
 * command's environment, exactly as the huaweicloud provider reads it. The client's own rules
 * apply unchanged (plain `http://` only for loopback hosts such as the emulator).
 */
export async function createClient(overrides: TargetOverrides, io: CliIo): Promise<DisClient> {
  // Loaded on use: undici and the client's schemas would slow the commands that do not call DIS.
  const { DisClient } = await import('../client/dis-client');
  return new DisClient({
    ...(overrides.region === undefined ? {} : { region: overrides.region }),
    ...(overrides.projectId === undefined ? {} : { projectId: overrides.projectId }),
    ...(overrides.endpoint === undefined ? {} : { endpoint: overrides.endpoint }),
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

/** The formats a listing command can print. */
export type OutputFormat = 'table' | 'json';

/** The `--output` option of listing commands. */
export const OUTPUT_OPTION: Readonly<Record<string, CliOptionSpec>> = {
  output: {
    type: 'string',
    short: 'o',
    valueName: 'table|json',
    description: 'Output format: a table for people, or JSON for scripts. Default: table.',
  },
};

/** The `--output` value, checked. */
export function outputFormat(args: CliArgs, command: string): OutputFormat {
  const value = args.values.output ?? 'table';
  if (value !== 'table' && value !== 'json') {
    throw new CliUsageError(
      `--output must be table or json, not '${String(value)}'. Example: ${command} --output json.`,
    );
  }
  return value;
}

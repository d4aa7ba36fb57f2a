import { checkStreamName } from '../client/config';
import type { CliArgs, CliOptionSpec } from './cli-command';
import { CliUsageError } from './errors';

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

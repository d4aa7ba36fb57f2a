// `dis-transfer-tasks list`: the transfer tasks of streams, as a table for people or JSON for scripts.

import { formatAge } from '../../lookup/duration';
import { type TransferTask, TransferTaskState } from '../../client/model';
import { sortTasks } from '../../lookup/context-entry';
import { mapWithConcurrency } from '../../lookup/map-with-concurrency';
import type { CliCommand } from '../command';
import { ExitCode } from '../errors';
import {
  clientSettings,
  createClient,
  FETCH_CONCURRENCY,
  OUTPUT_OPTION,
  outputFormat,
  STREAM_OPTIONS,
  streamSelection,
  TARGET_OPTIONS,
  targetOverrides,
  TIMEOUT_OPTION,
} from '../options';
import { escapeControl } from '../escape';
import { createStyle, renderTable, type Style } from '../output';

/** `list`: the transfer tasks of one or more streams, as a table or JSON. */
export const listCommand: CliCommand = {
  path: ['list'],
  summary: 'List the transfer tasks of DIS streams: state, destination, age of the last transfer.',
  usage: '--stream NAME [--stream NAME…] | --all-streams [options]',
  description:
    'Calls ListTransferTasks for each stream (four at a time) with the credentials of the environment:\n' +
    'HW_AUTH_TOKEN, HW_ACCESS_KEY/HW_SECRET_KEY(/HW_SECURITY_TOKEN) or HW_USER_NAME/HW_PASSWORD/HW_DOMAIN_NAME.\n' +
    'Tasks are listed by name, the order of the lookups. The JSON output has one entry per stream with the\n' +
    'tasks as the library types them (times in epoch ms).',
  options: { ...STREAM_OPTIONS, ...TARGET_OPTIONS, ...TIMEOUT_OPTION, ...OUTPUT_OPTION },
  examples: [
    'dis-transfer-tasks list --stream orders',
    'dis-transfer-tasks list --all-streams --region cn-north-4 --output json',
  ],
  async run(args, io) {
    const name = 'dis-transfer-tasks list';
    const format = outputFormat(args, name);
    const selection = streamSelection(args, name);
    const client = await createClient(targetOverrides(args), io, clientSettings(args));
    const target = await client.resolveTarget();
    const streams = selection.allStreams ? [...(await client.listStreams())].sort() : selection.streams;
    // Tasks in the lookup's order (by name), whatever order the service sent them in.
    const results = await mapWithConcurrency(streams, FETCH_CONCURRENCY, async (streamName) => {
      const result = await client.listTransferTasks(streamName);
      return { streamName, result: { ...result, tasks: sortTasks(result.tasks) } };
    });
    if (format === 'json') {
      const json = {
        region: target.region,
        projectId: target.projectId,
        streams: results.map(({ streamName, result }) => ({
          streamName,
          totalNumber: result.totalNumber,
          ...(result.quota === undefined ? {} : { quota: result.quota }),
          tasks: result.tasks,
          warnings: result.warnings,
        })),
      };
      io.stdout.write(`${JSON.stringify(json, undefined, 2)}\n`);
      return ExitCode.OK;
    }
    for (const { streamName, result } of results) {
      for (const warning of result.warnings) {
        io.stderr.write(`Warning (${escapeControl(streamName)}): ${escapeControl(warning)}\n`);
      }
    }
    const tasks = results.map(({ streamName, result }) => ({ streamName, tasks: result.tasks }));
    if (tasks.every((s) => s.tasks.length === 0)) {
      io.stderr.write(
        `No transfer tasks in ${streams.length === 0 ? 'the project (it has no streams)' : escapeControl(streams.join(', '))}.\n`,
      );
      return ExitCode.OK;
    }
    io.stdout.write(formatTaskTable(tasks, (io.now ?? Date.now)(), createStyle(io.stdout, io.env)));
    return ExitCode.OK;
  },
};

// ---------------------------------------------------------------------------------------------
// The table

/** The tasks of one stream, as the `list` command received them. */
export interface StreamTasks {
  /** The stream's name. */
  readonly streamName: string;
  /** Its transfer tasks. */
  readonly tasks: readonly TransferTask[];
}

function colourState(state: string, style: Style): string {
  switch (state) {
    case TransferTaskState.RUNNING:
      return style.green(state);
    case TransferTaskState.STARTING:
    case TransferTaskState.PAUSED:
      return style.yellow(state);
    default:
      return style.red(escapeControl(state));
  }
}

/**
 * An epoch-ms instant as `YYYY-MM-DD HH:MM` UTC, the form people compare by eye; a number no date
 * can hold (beyond ±8.64e15) as the number itself.
 */
export function formatUtcMinute(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? String(epochMs) : date.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The `list` table: one row per task with its stream, name, state (coloured when `style` is),
 * destination type, creation time (UTC) and the age of its last transfer relative to `now`
 * (`never` when the service reports none, or 0). Tasks keep the order given. Every value from the
 * service has its control characters escaped: a row is always one line.
 */
export function formatTaskTable(streams: readonly StreamTasks[], now: number, style: Style): string {
  const rows = streams.flatMap((s) =>
    s.tasks.map((t) => [
      escapeControl(s.streamName),
      escapeControl(t.taskName),
      colourState(t.state, style),
      escapeControl(t.destinationType),
      formatUtcMinute(t.createTime),
      !t.lastTransferTimestamp
        ? style.dim('never')
        : `${formatAge((now - t.lastTransferTimestamp) / 1000)} ago`,
    ]),
  );
  const header = ['STREAM', 'TASK', 'STATE', 'DESTINATION', 'CREATED (UTC)', 'LAST TRANSFER'].map((h) =>
    style.bold(h),
  );
  return renderTable(header, rows);
}

// `dis-transfer-tasks context diff`: the drift between the lookups recorded in the context cache
// file and the service now, without writing anything. The nightly drift job of a pipeline.

import { count } from '../../assertion/gate-report';
import { formatAge } from '../../lookup/duration';
import type { DisClient } from '../../client/dis-client';
import { DisApiError, DisError } from '../../client/errors';
import { STREAM_NOT_FOUND } from '../../client/service-failures';
import type { TransferTask } from '../../client/model';
import type { ProjectStreamsContextValue, TransferTasksContextValue } from '../../lookup/context-entry';
import { mapWithConcurrency } from '../../lookup/map-with-concurrency';
import type { CliCommand } from '../command';
import {
  clientsByTarget,
  CONTEXT_FILE_OPTION,
  type ContextEntry,
  ENTRY_ENDPOINT_OPTION,
  formatEntryFailure,
  fetchLiveValue,
  openContextFile,
  requireEntries,
} from '../context-file';
import { compareStreams, compareTasks, type Drift, streamGone } from '../drift';
import { ExitCode, exitCodeForError } from '../errors';
import { escapeControl, shellQuote } from '../escape';
import { clientSettings, FETCH_CONCURRENCY, OUTPUT_OPTION, outputFormat, TIMEOUT_OPTION } from '../options';
import { createStyle, renderTable } from '../output';

const NAME = 'dis-transfer-tasks context diff';

/** True when the service said the stream does not exist (`DIS.4301`). */
function isStreamMissing(error: unknown): boolean {
  return (
    DisError.isDisError(error) &&
    error.code === DisApiError.CODE &&
    error.details.serviceCode === STREAM_NOT_FOUND
  );
}

/** What `context diff` found for one entry. */
type Comparison = { readonly entry: ContextEntry } & (
  | { readonly status: 'same' | 'drift'; readonly changes: Drift[] }
  | { readonly status: 'error'; readonly error: DisError | Error }
);

/** Compares one entry with the service; never throws (a failure is the entry's outcome). */
async function compare(
  entry: ContextEntry,
  client: () => Promise<DisClient>,
  lastTransfer: boolean,
  now: number,
): Promise<Comparison> {
  if (entry.problem !== undefined) {
    return { entry, status: 'error', error: entry.problem };
  }
  let changes: Drift[];
  try {
    const live = await fetchLiveValue(entry, await client(), new Date(now));
    changes =
      entry.kind === 'streams'
        ? compareStreams(
            (entry.value as ProjectStreamsContextValue).streams,
            (live as ProjectStreamsContextValue).streams,
          )
        : compareTasks(
            (entry.value as TransferTasksContextValue).tasks,
            (live as TransferTasksContextValue).tasks,
            {
              lastTransfer,
            },
          );
  } catch (error) {
    if (entry.kind === 'tasks' && isStreamMissing(error)) {
      changes = streamGone(entry.streamName, (entry.value as TransferTasksContextValue).tasks);
    } else {
      return { entry, status: 'error', error: error instanceof Error ? error : new Error(String(error)) };
    }
  }
  return { entry, status: changes.length === 0 ? 'same' : 'drift', changes };
}

// ---------------------------------------------------------------------------------------------
// Output

function describeTask(task: TransferTask): string {
  return `${task.state}, ${task.destinationType}`;
}

function describeValue(value: Drift['recorded'], field: Drift['field']): string {
  if (value === undefined) return '';
  if (typeof value === 'object') return describeTask(value);
  if (typeof value === 'number' && (field === 'createTime' || field === 'lastTransferTimestamp')) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) || value === 0 ? String(value) : date.toISOString();
  }
  return String(value);
}

const FIELD_LABELS: Readonly<Record<NonNullable<Drift['field']>, string>> = {
  state: 'state',
  destinationType: 'destination type',
  createTime: 'recreated (creation time)',
  lastTransferTimestamp: 'last transfer',
};

/** The DRIFT column: what happened. */
function driftLabel(d: Drift): string {
  if (d.change === 'changed') return FIELD_LABELS[d.field!];
  if (d.subject === 'stream' && d.change === 'removed' && typeof d.recorded === 'number') {
    return 'stream no longer exists';
  }
  return `${d.subject} ${d.change}`;
}

function recordedLabel(d: Drift): string {
  if (d.subject === 'stream' && typeof d.recorded === 'number') return count(d.recorded, 'task');
  return describeValue(d.recorded, d.field);
}

/** The table of every change: stream, task (or stream of a project list), drift, recorded, live. */
function driftTable(comparisons: readonly Comparison[]): { header: string[]; rows: string[][] } {
  const targets = new Set(comparisons.map((c) => `${c.entry.region}/${c.entry.projectId}`));
  const label = (e: ContextEntry) => {
    const stream = e.kind === 'streams' ? '(all streams)' : e.streamName;
    return targets.size > 1 ? `${e.region}/${e.projectId}/${stream}` : stream;
  };
  const rows = comparisons.flatMap((c) =>
    c.status === 'drift'
      ? c.changes.map((d) => [
          escapeControl(label(c.entry)),
          c.entry.kind === 'tasks' && d.subject === 'stream' ? '' : escapeControl(d.name),
          driftLabel(d),
          escapeControl(recordedLabel(d)),
          escapeControl(describeValue(d.live, d.field)),
        ])
      : [],
  );
  return { header: ['STREAM', 'NAME', 'DRIFT', 'RECORDED', 'LIVE'], rows };
}

function toJson(c: Comparison, now: number): Record<string, unknown> {
  const fetchedAt = c.entry.value?.fetchedAt;
  return {
    key: c.entry.key,
    region: c.entry.region,
    projectId: c.entry.projectId,
    streamName: c.entry.streamName,
    kind: c.entry.kind,
    ...(fetchedAt === undefined
      ? {}
      : { fetchedAt, ageSeconds: Math.floor((now - Date.parse(fetchedAt)) / 1000) }),
    status: c.status,
    ...(c.status === 'error'
      ? { error: { code: (c.error as { code?: string }).code ?? 'UNEXPECTED', message: c.error.message } }
      : { changes: c.changes }),
  };
}

// ---------------------------------------------------------------------------------------------
// The command

/** `context diff [KEY|STREAM…]`: what changed in the service since the lookups were recorded. */
export const contextDiffCommand: CliCommand = {
  path: ['context', 'diff'],
  summary: 'Compare recorded lookups with the service now, writing nothing; exit 1 on drift.',
  usage: '[KEY|STREAM…] [options]',
  description:
    'Fetches the selected entries of the cache file again (four at a time, from the region and project each\n' +
    'key names) and reports what changed: tasks added or removed, a changed state, destination type or\n' +
    'creation time (a task created again), streams that no longer exist, streams added to or removed from\n' +
    'a project. The time of the last transfer changes all the time: it is drift only with\n' +
    '--include-last-transfer. The file is never written: `context refresh` records the live state.\n' +
    'Exit codes: 0 no drift, 1 drift, 2 usage or configuration error (no cache file, a broken entry),\n' +
    '3 service or network error.',
  options: {
    ...CONTEXT_FILE_OPTION,
    ...ENTRY_ENDPOINT_OPTION,
    ...TIMEOUT_OPTION,
    ...OUTPUT_OPTION,
    'include-last-transfer': {
      type: 'boolean',
      description: "Also report a task's changed last transfer time as drift. Default: off.",
    },
  },
  allowPositionals: true,
  examples: ['dis-transfer-tasks context diff', 'dis-transfer-tasks context diff orders --output json'],
  async run(args, io) {
    const format = outputFormat(args, NAME);
    const settings = clientSettings(args);
    const opened = openContextFile(args, io);
    const selected = requireEntries(opened, args.positionals, 'compare');
    const now = (io.now ?? Date.now)();
    const clientFor = clientsByTarget(
      selected.filter((e) => e.problem === undefined),
      args.values.endpoint as string | undefined,
      io,
      settings,
    );
    const lastTransfer = args.values['include-last-transfer'] === true;
    const comparisons = await mapWithConcurrency(selected, FETCH_CONCURRENCY, (entry) =>
      compare(entry, () => clientFor(entry), lastTransfer, now),
    );
    const drifted = comparisons.filter((c) => c.status === 'drift');
    const failed = comparisons.filter((c): c is Comparison & { status: 'error' } => c.status === 'error');
    if (format === 'json') {
      const json = {
        file: opened.file,
        drift: drifted.length > 0,
        lastTransfer,
        entries: comparisons.map((c) => toJson(c, now)),
      };
      io.stdout.write(`${JSON.stringify(json, undefined, 2)}\n`);
    } else if (drifted.length > 0) {
      const style = createStyle(io.stdout, io.env);
      const { header, rows } = driftTable(comparisons);
      io.stdout.write(renderTable(header.map(style.bold), rows));
    }
    const errStyle = createStyle(io.stderr, io.env);
    for (const c of failed) {
      io.stderr.write(formatEntryFailure(c.entry, c.error, errStyle));
    }
    const compared = comparisons.length - failed.length;
    const file = escapeControl(opened.file);
    if (drifted.length > 0) {
      const oldest = Math.max(...drifted.map((c) => now - Date.parse(c.entry.value!.fetchedAt)));
      const streams = [...new Set(drifted.map((c) => c.entry.streamName))].map(shellQuote).join(' ');
      io.stderr.write(
        `Drift in ${drifted.length} of ${count(compared, 'compared lookup')} in ${file}, recorded up to ${formatAge(oldest / 1000)} ago. ` +
          `\`dis-transfer-tasks context refresh ${streams}\` records the live state; review and commit the change.\n`,
      );
    } else {
      io.stderr.write(
        `No drift: ${count(compared, 'compared lookup')} in ${file} ${compared === 1 ? 'matches' : 'match'} the service.\n`,
      );
    }
    if (failed.length > 0) {
      return Math.max(...failed.map((c) => exitCodeForError(c.error)));
    }
    return drifted.length > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  },
};

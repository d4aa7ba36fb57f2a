// `dis-transfer-tasks context list|refresh|reset`: the lookups recorded in the context cache file
// (`cdktf.context.json`), as the commands read, select and rewrite them.

import { resolve } from 'node:path';
import { formatAge } from '../../assertion/gate-report';
import type { DisClient } from '../../client/dis-client';
import { messageWithoutCode } from '../../client/errors';
import {
  ALL_STREAMS,
  parseContextKey,
  toContextValue,
  toProjectStreamsValue,
} from '../../lookup/context-entry';
import { DEFAULT_CONTEXT_FILE, FileContextStore } from '../../lookup/context-store';
import { mapWithConcurrency } from '../../lookup/map-with-concurrency';
import { type CliArgs, type CliCommand, type CliOptionSpec, PROGRAM } from '../command';
import { CliUsageError, ExitCode, exitCodeForError } from '../errors';
import { createClient, FETCH_CONCURRENCY, OUTPUT_OPTION, outputFormat } from '../options';
import { quote } from '../escape';
import { type CliIo, createStyle, renderTable } from '../output';

/** The `--file` option of the `context` commands. */
const CONTEXT_FILE_OPTION: Readonly<Record<string, CliOptionSpec>> = {
  file: {
    type: 'string',
    valueName: 'FILE',
    description: `The context cache file. Default: ${DEFAULT_CONTEXT_FILE} in the current directory.`,
  },
};

/** The absolute path of the context cache file the command line names. */
function contextFilePath(args: CliArgs, io: CliIo): string {
  const file = typeof args.values.file === 'string' ? args.values.file : DEFAULT_CONTEXT_FILE;
  return resolve(io.cwd, file);
}

/** One lookup recorded in the context cache file, as the `context` commands show it. */
interface ContextEntry {
  /** The full context key, `dis-transfer-tasks:{region}:{projectId}:{streamName}`. */
  readonly key: string;
  /** The region part of the key. */
  readonly region: string;
  /** The project id part of the key. */
  readonly projectId: string;
  /** The stream name part of the key; `*` for a project's stream list. */
  readonly streamName: string;
  /** `tasks` for a stream's transfer tasks, `streams` for a project's stream list. */
  readonly kind: 'tasks' | 'streams';
  /** When the value was fetched (epoch ms). @default undefined when the value does not record it */
  readonly fetchedAt?: number;
  /** How many tasks (or streams) the value holds. @default undefined when the value is malformed */
  readonly count?: number;
}

function fetchedAtOf(value: unknown): number | undefined {
  const raw = (value as { fetchedAt?: unknown } | null)?.fetchedAt;
  const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function countOf(value: unknown, field: 'tasks' | 'streams'): number | undefined {
  const list = (value as Record<string, unknown> | null)?.[field];
  return Array.isArray(list) ? list.length : undefined;
}

/**
 * The lookup entries of a context cache file's contents, sorted by key. Keys this package did not
 * write (other libraries' context, `dis-transfer-tasks:mode`) are left out; values are read
 * leniently, so that a damaged entry is still listed (and can be refreshed or reset).
 */
function contextEntries(contents: Readonly<Record<string, unknown>>): ContextEntry[] {
  const entries: ContextEntry[] = [];
  for (const [key, value] of Object.entries(contents)) {
    const parts = parseContextKey(key);
    if (!parts) {
      continue;
    }
    const kind = parts.streamName === ALL_STREAMS ? 'streams' : 'tasks';
    entries.push({ key, ...parts, kind, fetchedAt: fetchedAtOf(value), count: countOf(value, kind) });
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The entries named by `selectors` (all of them when there are none). A selector is a full
 * context key or a stream name (which selects that stream's entries in every project and
 * region). A selector that matches nothing is a usage error that lists what there is, so a typo
 * never silently does nothing.
 */
function selectContextEntries(
  entries: readonly ContextEntry[],
  selectors: readonly string[],
  file: string,
): ContextEntry[] {
  if (selectors.length === 0) {
    return [...entries];
  }
  const unmatched = selectors.filter((s) => !entries.some((e) => e.key === s || e.streamName === s));
  if (unmatched.length > 0) {
    const known =
      entries.length === 0
        ? 'it has no lookup entries'
        : `its entries are: ${entries.map((e) => e.key).join(', ')}`;
    throw new CliUsageError(
      `No lookup entry in ${file} matches ${unmatched.map(quote).join(', ')}; ${known}. ` +
        `Give full keys or stream names as \`${PROGRAM} context list\` shows them.`,
    );
  }
  return entries.filter((e) => selectors.includes(e.key) || selectors.includes(e.streamName));
}

/** The context cache file a command line names, opened, with its lookup entries. */
interface OpenedContextFile {
  /** Its absolute path. */
  readonly file: string;
  /** The store that reads and updates it under its lock. */
  readonly store: FileContextStore;
  /** Its lookup entries, sorted by key. */
  readonly entries: ContextEntry[];
}

/** Opens the context cache file of `--file` and reads its lookup entries. */
function openContextFile(args: CliArgs, io: CliIo): OpenedContextFile {
  const file = contextFilePath(args, io);
  const store = new FileContextStore(file);
  return { file, store, entries: contextEntries(store.read()) };
}

// ---------------------------------------------------------------------------------------------
// context list

/** `context list`: the lookups recorded in `cdktf.context.json`, with their age. */
export const contextListCommand: CliCommand = {
  path: ['context', 'list'],
  summary: 'List the lookups recorded in cdktf.context.json, with their age.',
  usage: '[options]',
  description:
    'Shows every transfer-task lookup the cache file records: region, project, stream, how many tasks\n' +
    '(or streams, for a project-wide lookup) and how long ago they were fetched. Other context is left out.',
  options: { ...CONTEXT_FILE_OPTION, ...OUTPUT_OPTION },
  examples: [
    'dis-transfer-tasks context list',
    'dis-transfer-tasks context list --file app/cdktf.context.json --output json',
  ],
  async run(args, io) {
    const format = outputFormat(args, 'dis-transfer-tasks context list');
    const { file, entries } = openContextFile(args, io);
    const now = (io.now ?? Date.now)();
    if (format === 'json') {
      const json = entries.map((e) => ({
        ...e,
        ...(e.fetchedAt === undefined
          ? {}
          : {
              fetchedAt: new Date(e.fetchedAt).toISOString(),
              ageSeconds: Math.floor((now - e.fetchedAt) / 1000),
            }),
      }));
      io.stdout.write(`${JSON.stringify({ file, entries: json }, undefined, 2)}\n`);
      return ExitCode.OK;
    }
    if (entries.length === 0) {
      io.stderr.write(`No lookups recorded in ${file}. A synth with credentials records them.\n`);
      return ExitCode.OK;
    }
    const style = createStyle(io.stdout, io.env);
    const rows = entries.map((e) => [
      e.key,
      e.kind === 'streams' ? '(all streams)' : e.streamName,
      e.count === undefined ? style.red('invalid') : `${e.count} ${e.kind}`,
      e.fetchedAt === undefined ? style.red('unknown') : `${formatAge((now - e.fetchedAt) / 1000)} ago`,
    ]);
    io.stdout.write(renderTable(['KEY', 'STREAM', 'HOLDS', 'FETCHED'].map(style.bold), rows));
    return ExitCode.OK;
  },
};

// ---------------------------------------------------------------------------------------------
// context refresh

type Outcome = { readonly entry: ContextEntry } & ({ readonly value: unknown } | { readonly error: unknown });

/** One client per region and project: the key says where each entry was looked up. */
function clientsByTarget(
  entries: readonly ContextEntry[],
  endpoint: string | undefined,
  io: CliIo,
): Map<string, Promise<DisClient>> {
  const clients = new Map<string, Promise<DisClient>>();
  for (const e of entries) {
    const id = `${e.region}:${e.projectId}`;
    if (!clients.has(id)) {
      const client = createClient({ region: e.region, projectId: e.projectId, endpoint }, io);
      client.catch(() => undefined); // awaited (and reported) per entry; not an unhandled rejection meanwhile
      clients.set(id, client);
    }
  }
  return clients;
}

/** `context refresh [KEY…]`: re-fetch recorded lookups in place, concurrently. */
export const contextRefreshCommand: CliCommand = {
  path: ['context', 'refresh'],
  summary: 'Re-fetch recorded lookups in cdktf.context.json (all, or the keys or streams given).',
  usage: '[KEY|STREAM…] [options]',
  description:
    'Fetches every selected entry again, four at a time, from the region and project its key names,\n' +
    'with the credentials of the environment, and records the new values. An entry whose fetch fails keeps\n' +
    'its old value (failures are never recorded); the command then exits with the failure’s code.',
  options: {
    ...CONTEXT_FILE_OPTION,
    endpoint: {
      type: 'string',
      valueName: 'URL',
      description:
        'DIS base URL for every entry. Default: HW_DIS_ENDPOINT, else the public endpoint of each region.',
    },
  },
  allowPositionals: true,
  examples: ['dis-transfer-tasks context refresh', 'dis-transfer-tasks context refresh orders clicks'],
  async run(args, io) {
    const { file, store, entries } = openContextFile(args, io);
    const selected = selectContextEntries(entries, args.positionals, file);
    const clients = clientsByTarget(selected, args.values.endpoint as string | undefined, io);
    const fetchedAt = () => new Date((io.now ?? Date.now)());
    const outcomes = await mapWithConcurrency(
      selected,
      FETCH_CONCURRENCY,
      async (entry): Promise<Outcome> => {
        try {
          const client = await clients.get(`${entry.region}:${entry.projectId}`)!;
          if (entry.kind === 'streams') {
            return {
              entry,
              value: toProjectStreamsValue(await client.listStreams(), fetchedAt().toISOString()),
            };
          }
          return {
            entry,
            value: toContextValue(await client.listTransferTasks(entry.streamName), fetchedAt()),
          };
        } catch (error) {
          return { entry, error };
        }
      },
    );
    const refreshed = outcomes.filter((o): o is Outcome & { value: unknown } => 'value' in o);
    if (refreshed.length > 0) {
      store.update(Object.fromEntries(refreshed.map((o) => [o.entry.key, o.value])));
    }
    const style = createStyle(io.stderr, io.env);
    for (const o of outcomes) {
      if ('value' in o) {
        io.stdout.write(`refreshed ${o.entry.key}\n`);
      } else {
        const { message, code } = o.error as { message?: string; code?: string };
        const text = message === undefined ? String(o.error) : messageWithoutCode({ code, message });
        io.stderr.write(`${style.red('Failed')} ${o.entry.key}${code ? ` [${code}]` : ''}: ${text}\n`);
      }
    }
    const failures = outcomes.filter((o): o is Outcome & { error: unknown } => 'error' in o);
    io.stderr.write(`Refreshed ${refreshed.length} of ${outcomes.length} lookup(s) in ${file}.\n`);
    return failures.length === 0 ? ExitCode.OK : Math.max(...failures.map((f) => exitCodeForError(f.error)));
  },
};

// ---------------------------------------------------------------------------------------------
// context reset

/** `context reset [KEY…]`: forget recorded lookups so that the next synth fetches them again. */
export const contextResetCommand: CliCommand = {
  path: ['context', 'reset'],
  summary: 'Remove recorded lookups from cdktf.context.json (all, or the keys or streams given).',
  usage: '[KEY|STREAM…] [options]',
  description:
    'The next synth with credentials fetches the removed lookups again; in offline mode it fails until\n' +
    'they are recorded. Other context in the file is kept. Use `context refresh` to re-fetch in place.',
  options: { ...CONTEXT_FILE_OPTION },
  allowPositionals: true,
  examples: [
    'dis-transfer-tasks context reset',
    'dis-transfer-tasks context reset orders',
    'dis-transfer-tasks context reset dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders',
  ],
  async run(args, io) {
    const { file, store, entries } = openContextFile(args, io);
    const selected = selectContextEntries(entries, args.positionals, file);
    if (selected.length > 0) {
      store.update(Object.fromEntries(selected.map((e) => [e.key, undefined])));
    }
    for (const e of selected) {
      io.stdout.write(`removed ${e.key}\n`);
    }
    io.stderr.write(`Removed ${selected.length} lookup(s) from ${file}.\n`);
    return ExitCode.OK;
  },
};

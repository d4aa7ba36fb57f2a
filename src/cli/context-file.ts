// The context cache file (`cdktf.context.json`) as the `context` commands see it: which file
// (--file, DIS_LOOKUP_CONTEXT_FILE, the default), its lookup entries checked one by one, the
// selection of entries by key or stream, and the live value of an entry fetched again.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DisClient } from '../client/dis-client';
import { DisError, messageWithoutCode } from '../client/errors';
import {
  ALL_STREAMS,
  parseContextKey,
  parseContextValue,
  parseProjectStreamsValue,
  toContextValue,
  toProjectStreamsValue,
  type ProjectStreamsContextValue,
  type TransferTasksContextValue,
} from '../lookup/context-entry';
import { CONTEXT_FILE_ENV_VAR, DEFAULT_CONTEXT_FILE, FileContextStore } from '../lookup/context-store';
import { type CliArgs, type CliOptionSpec, PROGRAM } from './command';
import { CliContextFileMissingError, CliUsageError } from './errors';
import { escapeControl, quote, shellQuote } from './escape';
import { type ClientSettings, createClient } from './options';
import type { CliIo, Style } from './output';

/** The `--file` option of the `context` commands. */
export const CONTEXT_FILE_OPTION: Readonly<Record<string, CliOptionSpec>> = {
  file: {
    type: 'string',
    valueName: 'FILE',
    description: `The context cache file. Default: ${CONTEXT_FILE_ENV_VAR}, else ${DEFAULT_CONTEXT_FILE} in the current directory (as the lookups).`,
  },
};

/**
 * The absolute path of the context cache file: `--file`, else `DIS_LOOKUP_CONTEXT_FILE` (as the
 * lookups read it), else `cdktf.context.json`, relative paths against the working directory.
 */
export function contextFilePath(args: CliArgs, io: CliIo): string {
  const given = typeof args.values.file === 'string' ? args.values.file : undefined;
  return resolve(io.cwd, given ?? (io.env[CONTEXT_FILE_ENV_VAR]?.trim() || DEFAULT_CONTEXT_FILE));
}

/** `--endpoint` of the commands that fetch recorded entries again. */
export const ENTRY_ENDPOINT_OPTION: Readonly<Record<string, CliOptionSpec>> = {
  endpoint: {
    type: 'string',
    valueName: 'URL',
    description:
      'DIS base URL for every entry. Default: HW_DIS_ENDPOINT, else the public endpoint of each region.',
  },
} as const;

/** The command that forgets one entry, for the fix of a broken one: never a reset of all. */
export function resetCommandFor(key: string): string {
  return `dis-transfer-tasks context reset ${shellQuote(key)}`;
}

/**
 * The line that says an entry failed: `Failed KEY [CODE]: message`, escaped; for a broken entry,
 * a second line with the command that resets it alone.
 */
export function formatEntryFailure(entry: ContextEntry, error: unknown, style: Style): string {
  const { message, code } = error as { message?: string; code?: string };
  const text = message === undefined ? String(error) : messageWithoutCode({ code, message });
  const fix =
    entry.problem === undefined ? '' : `  Fix: \`${resetCommandFor(entry.key)}\` forgets this entry alone.\n`;
  return (
    `${style.red('Failed')} ${escapeControl(entry.key)}${code ? ` [${escapeControl(code)}]` : ''}: ` +
    `${escapeControl(text)}\n${fix}`
  );
}

/** One lookup recorded in the context cache file, as the `context` commands show it. */
export interface ContextEntry {
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
  /** The recorded value, checked as the lookups check it. @default undefined when it is broken */
  readonly value?: TransferTasksContextValue | ProjectStreamsContextValue;
  /** Why the value is broken (`DIS_CONTEXT_VALUE_INVALID`). @default undefined when it is valid */
  readonly problem?: DisError;
}

/** How many tasks (or streams) a valid entry holds. */
export function countOf(entry: ContextEntry): number | undefined {
  if (entry.value === undefined) return undefined;
  return 'streams' in entry.value ? entry.value.streams.length : entry.value.tasks.length;
}

/**
 * The lookup entries of a context cache file's contents, sorted by key, each checked with the
 * lookups' own parser. Keys this package did not write (other libraries' context,
 * `dis-transfer-tasks:mode`) are left out; a broken value is kept with its problem, so that it is
 * shown (and can be refreshed or reset).
 */
function contextEntries(contents: Readonly<Record<string, unknown>>, file: string): ContextEntry[] {
  const entries: ContextEntry[] = [];
  for (const [key, raw] of Object.entries(contents)) {
    const parts = parseContextKey(key);
    if (!parts) continue;
    const kind = parts.streamName === ALL_STREAMS ? 'streams' : 'tasks';
    try {
      const value =
        kind === 'streams' ? parseProjectStreamsValue(raw, key, file) : parseContextValue(raw, key, file);
      entries.push({ key, ...parts, kind, value });
    } catch (e) {
      if (!DisError.isDisError(e)) throw e;
      entries.push({ key, ...parts, kind, problem: e });
    }
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The context cache file a command line names, opened, with its lookup entries. */
export interface OpenedContextFile {
  /** Its absolute path. */
  readonly file: string;
  /** The store that reads and updates it under its lock. */
  readonly store: FileContextStore;
  /** Its lookup entries, sorted by key. */
  readonly entries: ContextEntry[];
}

/**
 * Opens the context cache file of the command line and reads its lookup entries.
 * @throws CliContextFileMissingError when the file does not exist: no command passes by accident
 * in the wrong folder
 */
export function openContextFile(args: CliArgs, io: CliIo): OpenedContextFile {
  const file = contextFilePath(args, io);
  if (!existsSync(file)) {
    throw new CliContextFileMissingError(file, dirname(file));
  }
  if (statSync(file).isDirectory()) {
    throw new CliUsageError(
      `The context cache file ${quote(file)} is a folder. Name the file itself with --file ` +
        `(or DIS_LOOKUP_CONTEXT_FILE), for example ${quote(join(file, DEFAULT_CONTEXT_FILE))}.`,
    );
  }
  const store = new FileContextStore(file);
  return { file, store, entries: contextEntries(store.read(), file) };
}

/**
 * The entries named by `selectors` (all of them when there are none). A selector is a full
 * context key or a stream name (which selects that stream's entries in every project and
 * region). A selector that matches nothing is a usage error that lists what there is, so a typo
 * never silently does nothing.
 */
export function selectContextEntries(
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
        : `its entries are: ${entries.map((e) => quote(e.key)).join(', ')}`;
    throw new CliUsageError(
      `No lookup entry in ${quote(file)} matches ${unmatched.map(quote).join(', ')}; ${known}. ` +
        `Give full keys or stream names as \`${PROGRAM} context list\` shows them.`,
    );
  }
  return entries.filter((e) => selectors.includes(e.key) || selectors.includes(e.streamName));
}

/**
 * The selected entries, refusing an empty selection: a command that would fetch or compare
 * nothing says so (exit 2) instead of passing.
 */
export function requireEntries(
  opened: OpenedContextFile,
  selectors: readonly string[],
  action: string,
): ContextEntry[] {
  const selected = selectContextEntries(opened.entries, selectors, opened.file);
  if (selected.length === 0) {
    throw new CliUsageError(
      `Nothing to ${action}: ${quote(opened.file)} records no lookups. Run cdktf synth with credentials in the app ` +
        'folder to record them, or point --file (or DIS_LOOKUP_CONTEXT_FILE) at the file that has them.',
    );
  }
  return selected;
}

// ---------------------------------------------------------------------------------------------
// Live values

/** One client per region and project: the key says where each entry was looked up. */
export function clientsByTarget(
  entries: readonly ContextEntry[],
  endpoint: string | undefined,
  io: CliIo,
  settings: ClientSettings,
): (entry: ContextEntry) => Promise<DisClient> {
  const clients = new Map<string, Promise<DisClient>>();
  for (const e of entries) {
    const id = `${e.region}:${e.projectId}`;
    if (!clients.has(id)) {
      const client = createClient({ region: e.region, projectId: e.projectId, endpoint }, io, settings);
      client.catch(() => undefined); // awaited (and reported) per entry; not an unhandled rejection meanwhile
      clients.set(id, client);
    }
  }
  return (entry) => clients.get(`${entry.region}:${entry.projectId}`)!;
}

/** The value the lookups would record for `entry` now: its stream's tasks, or the project's streams. */
export async function fetchLiveValue(
  entry: ContextEntry,
  client: DisClient,
  fetchedAt: Date,
): Promise<TransferTasksContextValue | ProjectStreamsContextValue> {
  if (entry.kind === 'streams') {
    return toProjectStreamsValue(await client.listStreams(), fetchedAt.toISOString());
  }
  return toContextValue(await client.listTransferTasks(entry.streamName), fetchedAt);
}

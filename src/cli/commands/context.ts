// `dis-transfer-tasks context list|refresh|reset`: the lookups recorded in the context cache file
// (`cdktf.context.json`), as the commands list, re-fetch and forget them. `context diff` is in
// context-diff.ts; the file, its entries and their live values in ../context-file.ts.

import { count } from '../../assertion/gate-report';
import { formatAge } from '../../lookup/duration';
import { messageWithoutCode } from '../../client/errors';
import { mapWithConcurrency } from '../../lookup/map-with-concurrency';
import type { CliCommand } from '../command';
import {
  clientsByTarget,
  CONTEXT_FILE_OPTION,
  ENTRY_ENDPOINT_OPTION,
  resetCommandFor,
  countOf,
  fetchLiveValue,
  formatEntryFailure,
  openContextFile,
  requireEntries,
  selectContextEntries,
  type ContextEntry,
} from '../context-file';
import { ExitCode, exitCodeForError } from '../errors';
import { escapeControl, shellQuote } from '../escape';
import { clientSettings, FETCH_CONCURRENCY, OUTPUT_OPTION, outputFormat, TIMEOUT_OPTION } from '../options';
import { createStyle, renderTable } from '../output';

// ---------------------------------------------------------------------------------------------
// context list

/** When the value was fetched, as epoch ms. */
function fetchedAtMs(entry: ContextEntry): number | undefined {
  return entry.value === undefined ? undefined : Date.parse(entry.value.fetchedAt);
}

/** `context list`: the lookups recorded in `cdktf.context.json`, with their age, each checked. */
export const contextListCommand: CliCommand = {
  path: ['context', 'list'],
  summary: 'List the lookups recorded in cdktf.context.json, with their age; exit 2 if one is broken.',
  usage: '[options]',
  description:
    'Shows every transfer-task lookup the cache file records: its key, stream, how many tasks (or streams,\n' +
    'for a project-wide lookup) and when it was fetched. Each entry is checked as a synth would read it; a\n' +
    'broken one is marked, explained on stderr with the command that resets it alone, and the command\n' +
    'exits 2. Other context is left out. Without a cache file it exits 2 naming where it looked.',
  options: { ...CONTEXT_FILE_OPTION, ...OUTPUT_OPTION },
  examples: [
    'dis-transfer-tasks context list',
    'dis-transfer-tasks context list --file app/cdktf.context.json --output json',
  ],
  async run(args, io) {
    const format = outputFormat(args, 'dis-transfer-tasks context list');
    const { file, entries } = openContextFile(args, io);
    const now = (io.now ?? Date.now)();
    const broken = entries.filter((e) => e.problem !== undefined);
    if (format === 'json') {
      const json = entries.map((e) => {
        const fetchedAt = fetchedAtMs(e);
        return {
          key: e.key,
          region: e.region,
          projectId: e.projectId,
          streamName: e.streamName,
          kind: e.kind,
          valid: e.problem === undefined,
          ...(e.problem === undefined ? {} : { problem: e.problem.message, fix: resetCommandFor(e.key) }),
          ...(countOf(e) === undefined ? {} : { count: countOf(e) }),
          ...(fetchedAt === undefined
            ? {}
            : { fetchedAt: e.value!.fetchedAt, ageSeconds: Math.floor((now - fetchedAt) / 1000) }),
        };
      });
      io.stdout.write(`${JSON.stringify({ file, entries: json }, undefined, 2)}\n`);
    } else if (entries.length === 0) {
      io.stderr.write(
        `No lookups recorded in ${escapeControl(file)}. A synth with credentials records them.\n`,
      );
    } else {
      const style = createStyle(io.stdout, io.env);
      const rows = entries.map((e) => {
        const fetchedAt = fetchedAtMs(e);
        return [
          escapeControl(e.key),
          e.kind === 'streams' ? '(all streams)' : escapeControl(e.streamName),
          e.problem !== undefined ? style.red('invalid') : `${countOf(e)} ${e.kind}`,
          fetchedAt === undefined ? '' : new Date(fetchedAt).toISOString().slice(0, 16).replace('T', ' '),
          fetchedAt === undefined ? '' : `${formatAge((now - fetchedAt) / 1000)} ago`,
        ];
      });
      io.stdout.write(renderTable(['KEY', 'STREAM', 'HOLDS', 'FETCHED (UTC)', 'AGE'].map(style.bold), rows));
    }
    const errStyle = createStyle(io.stderr, io.env);
    for (const e of broken) {
      io.stderr.write(
        `${errStyle.red('Error')} [${e.problem!.code}]: ${escapeControl(messageWithoutCode(e.problem!))}\n` +
          `  Fix: \`${resetCommandFor(e.key)}\` forgets this entry alone (the next synth with credentials fetches it), ` +
          `or \`dis-transfer-tasks context refresh ${shellQuote(e.key)}\` re-fetches it now.\n`,
      );
    }
    return broken.length === 0 ? ExitCode.OK : ExitCode.USAGE;
  },
};

// ---------------------------------------------------------------------------------------------
// context refresh

type Outcome = { readonly entry: ContextEntry } & ({ readonly value: unknown } | { readonly error: unknown });

/** `context refresh [KEY…]`: re-fetch recorded lookups in place, concurrently. */
export const contextRefreshCommand: CliCommand = {
  path: ['context', 'refresh'],
  summary: 'Re-fetch recorded lookups in cdktf.context.json (all, or the keys or streams given).',
  usage: '[KEY|STREAM…] [options]',
  description:
    'Fetches every selected entry again, four at a time, from the region and project its key names,\n' +
    'with the credentials of the environment, and records the new values (a broken entry is repaired).\n' +
    'An entry whose fetch fails keeps its old value (failures are never recorded); the command then exits\n' +
    'with the failure’s code. Without a cache file, or with no lookups in it, it exits 2.',
  options: { ...CONTEXT_FILE_OPTION, ...ENTRY_ENDPOINT_OPTION, ...TIMEOUT_OPTION },
  allowPositionals: true,
  examples: [
    'dis-transfer-tasks context refresh',
    'dis-transfer-tasks context refresh orders clicks --timeout 2m',
  ],
  async run(args, io) {
    const opened = openContextFile(args, io);
    const selected = requireEntries(opened, args.positionals, 'refresh');
    const clientFor = clientsByTarget(
      selected,
      args.values.endpoint as string | undefined,
      io,
      clientSettings(args),
    );
    const outcomes = await mapWithConcurrency(
      selected,
      FETCH_CONCURRENCY,
      async (entry): Promise<Outcome> => {
        try {
          const fetchedAt = new Date((io.now ?? Date.now)());
          return { entry, value: await fetchLiveValue(entry, await clientFor(entry), fetchedAt) };
        } catch (error) {
          return { entry, error };
        }
      },
    );
    const refreshed = outcomes.filter((o): o is Outcome & { value: unknown } => 'value' in o);
    if (refreshed.length > 0) {
      opened.store.update(Object.fromEntries(refreshed.map((o) => [o.entry.key, o.value])));
    }
    const style = createStyle(io.stderr, io.env);
    for (const o of outcomes) {
      if ('value' in o) {
        io.stdout.write(`refreshed ${escapeControl(o.entry.key)}\n`);
      } else {
        io.stderr.write(formatEntryFailure(o.entry, o.error, style));
      }
    }
    const failures = outcomes.filter((o): o is Outcome & { error: unknown } => 'error' in o);
    io.stderr.write(
      `Refreshed ${refreshed.length} of ${count(outcomes.length, 'lookup')} in ${escapeControl(opened.file)}.\n`,
    );
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
    'they are recorded. Other context in the file is kept. Use `context refresh` to re-fetch in place.\n' +
    'Without a cache file it exits 2 naming where it looked.',
  options: { ...CONTEXT_FILE_OPTION },
  allowPositionals: true,
  examples: [
    'dis-transfer-tasks context reset',
    'dis-transfer-tasks context reset orders',
    "dis-transfer-tasks context reset 'dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders'",
  ],
  async run(args, io) {
    const { file, store, entries } = openContextFile(args, io);
    const selected = selectContextEntries(entries, args.positionals, file);
    if (selected.length > 0) {
      store.update(Object.fromEntries(selected.map((e) => [e.key, undefined])));
    }
    for (const e of selected) {
      io.stdout.write(`removed ${escapeControl(e.key)}\n`);
    }
    io.stderr.write(`Removed ${count(selected.length, 'lookup')} from ${escapeControl(file)}.\n`);
    return ExitCode.OK;
  },
};

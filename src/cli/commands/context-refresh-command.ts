import type { DisClient } from '../../client/dis-client';
import type { ProjectStreamsContextValue } from '../../lookup/context-entry';
import type { CliCommand } from '../command';
import { type CliIo, createStyle } from '../output';
import { type ContextEntry, contextEntries } from '../context-entry';
import { CONTEXT_FILE_OPTION, contextFilePath } from '../context-options';
import { createClient, FETCH_CONCURRENCY } from '../options';
import { ExitCode, exitCodeForError } from '../errors';
import { mapWithConcurrency } from '../../lookup/map-with-concurrency';
import { selectContextEntries } from '../select-context-entries';

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
    const file = contextFilePath(args, io);
    const { FileContextStore } = await import('../../lookup/context-store');
    const { toContextValue } = await import('../../lookup/context-entry');
    const store = new FileContextStore(file);
    const selected = selectContextEntries(contextEntries(store.read()), args.positionals, file);
    const clients = clientsByTarget(selected, args.values.endpoint as string | undefined, io);
    const fetchedAt = () => new Date((io.now ?? Date.now)());
    const outcomes = await mapWithConcurrency(
      selected,
      FETCH_CONCURRENCY,
      async (entry): Promise<Outcome> => {
        try {
          const client = await clients.get(`${entry.region}:${entry.projectId}`)!;
          if (entry.kind === 'streams') {
            const streams = [...(await client.listStreams())].sort();
            const value: ProjectStreamsContextValue = { fetchedAt: fetchedAt().toISOString(), streams };
            return { entry, value };
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
        io.stderr.write(
          `${style.red('Failed')} ${o.entry.key}${code ? ` [${code}]` : ''}: ${message ?? String(o.error)}\n`,
        );
      }
    }
    const failures = outcomes.filter((o): o is Outcome & { error: unknown } => 'error' in o);
    io.stderr.write(`Refreshed ${refreshed.length} of ${outcomes.length} lookup(s) in ${file}.\n`);
    return failures.length === 0 ? ExitCode.OK : Math.max(...failures.map((f) => exitCodeForError(f.error)));
  },
};

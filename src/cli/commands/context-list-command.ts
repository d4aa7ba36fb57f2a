import type { CliCommand } from '../command';
import { contextEntries } from '../context-entry';
import { CONTEXT_FILE_OPTION, contextFilePath } from '../context-options';
import { ExitCode } from '../errors';
import { formatAge } from '../../assertion/gate-report';
import { OUTPUT_OPTION, outputFormat } from '../options';
import { renderTable, createStyle } from '../output';

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
    const file = contextFilePath(args, io);
    // Loaded on use, like every heavy module, so that `--help` and the other commands start fast.
    const { FileContextStore } = await import('../../lookup/context-store');
    const entries = contextEntries(new FileContextStore(file).read());
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

import type { CliCommand } from '../command';
import { contextEntries } from '../context-entry';
import { CONTEXT_FILE_OPTION, contextFilePath } from '../context-options';
import { ExitCode } from '../errors';
import { selectContextEntries } from '../select-context-entries';

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
    const file = contextFilePath(args, io);
    // Loaded on use, like every heavy module, so that `--help` and the other commands start fast.
    const { FileContextStore } = await import('../../lookup/context-store');
    const store = new FileContextStore(file);
    const selected = selectContextEntries(contextEntries(store.read()), args.positionals, file);
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

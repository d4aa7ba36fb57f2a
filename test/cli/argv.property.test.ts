import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { exec, CLI_COMMANDS } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/output';

// Property: whatever the command line, `exec` resolves to a documented exit code, and a failure is
// a coded error (`Error [DIS_…]`), never an uncoded exception ("Unexpected error"). The environment
// has no region and no credentials, so no command reaches the network; the working directory is a
// temporary folder, and every option that names a file names one inside it.

const COMMANDS = CLI_COMMANDS.filter((c) => c.path[0] !== 'emulator'); // it would serve forever
const KEY = 'dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders';
const PATH_OPTIONS = new Set(['file', 'report-file', 'acknowledgements', 'gate-file']);

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dis-argv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh working directory: a cache file, an acknowledgements file, a gate file and a folder. */
function seed(): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'folder'), { recursive: true });
  const value = { fetchedAt: '2026-01-01T00:00:00.000Z', totalNumber: 0, tasks: [], warnings: [] };
  writeFileSync(join(dir, 'cdktf.context.json'), JSON.stringify({ [KEY]: value, [`${KEY}x`]: { tasks: 1 } }));
  writeFileSync(join(dir, 'acks.json'), '[]');
  writeFileSync(
    join(dir, 'gate.json'),
    JSON.stringify({
      formatVersion: 1,
      target: { region: 'cn-north-4', projectId: '0123456789abcdef0123456789abcdef', streams: ['orders'] },
      rules: {},
    }),
  );
}

/** A file name inside the working directory: an existing file, a folder, a missing one, or odd text. */
const pathValue = fc.oneof(
  fc.constantFrom(
    'cdktf.context.json',
    'acks.json',
    'gate.json',
    'folder',
    'none.json',
    'out/r.xml',
    '',
    '.',
  ),
  fc.string({ maxLength: 12 }).filter((s) => !s.includes('/') && !s.includes('\\') && !s.startsWith('.')),
);

/** Values options commonly get, and anything at all. */
const anyValue = fc.oneof(
  fc.constantFrom(
    'json',
    'table',
    'junit',
    'sarif',
    'yaml',
    '15m',
    '0',
    '-1',
    '1e400',
    'orders',
    KEY,
    '*',
    'RUNNING',
  ),
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** The words of one command line: a command's path, then options of that command and stray words. */
const argv = fc.constantFrom(...COMMANDS).chain((command) => {
  const names = [...Object.keys(command.options), 'help', 'debug', 'nonsense'];
  const token = fc.oneof(
    fc.constantFrom(...names).chain((name) =>
      fc.oneof(
        fc.constant([`--${name}`]),
        (PATH_OPTIONS.has(name) ? pathValue : anyValue).map((v) => [`--${name}`, v]),
        (PATH_OPTIONS.has(name) ? pathValue : anyValue).map((v) => [`--${name}=${v}`]),
      ),
    ),
    fc.constantFrom(['-s', 'orders'], ['-o', 'json'], ['-h'], ['--'], ['-']),
    anyValue.filter((v) => !v.startsWith('-')).map((v) => [v]), // positionals (keys, streams)
  );
  return fc.array(token, { maxLength: 6 }).map((tokens) => [...command.path, ...tokens.flat()]);
});

function captureIo(): CliIo & { err: () => string } {
  let err = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (t: string) => (err += t) },
    env: { PATH: process.env.PATH },
    cwd: dir,
    now: () => Date.UTC(2026, 0, 2),
    err: () => err,
  };
}

test('any command line gives an exit code or a coded error, never an uncoded exception', async () => {
  await fc.assert(
    fc.asyncProperty(argv, async (args) => {
      seed();
      const io = captureIo();
      const code = await exec(args, io, COMMANDS);
      expect([0, 1, 2, 3]).toContain(code);
      expect(io.err()).not.toContain('Unexpected error');
      if (code >= 2) expect(io.err()).toMatch(/\[DIS_[A-Z_]+\]/);
    }),
    { numRuns: 300 },
  );
});

test('an unknown command or none at all is a usage error', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), async (args) => {
      fc.pre(
        !COMMANDS.some((c) => c.path[0] === args[0]) &&
          !['help', '--help', '-h', '--version', '-V'].includes(args[0] ?? ''),
      );
      const io = captureIo();
      expect(await exec(args, io, COMMANDS)).toBe(2);
    }),
    { numRuns: 100 },
  );
});

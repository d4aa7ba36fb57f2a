import type { CliCommand } from '../../src/cli/command';
import type { CliIo } from '../../src/cli/output';
import { exec } from '../../src/cli/main';
import { DisNetworkError } from '../../src/client/errors';

function captureIo(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

const calls: unknown[] = [];
const commands: CliCommand[] = [
  {
    path: ['echo'],
    summary: 'Prints its arguments.',
    usage: '[--name NAME] [WORD…]',
    allowPositionals: true,
    options: {
      name: { type: 'string', valueName: 'NAME', description: 'A name.' },
      tag: { type: 'string', multiple: true, description: 'A tag.' },
    },
    examples: ['dis-transfer-tasks echo --name x'],
    run: async (args, io) => {
      calls.push(args);
      io.stdout.write(`${JSON.stringify(args)}\n`);
      return 0;
    },
  },
  {
    path: ['group', 'one'],
    summary: 'The first of a group.',
    usage: '',
    options: {},
    run: async (_args, io) => {
      io.stderr.write(`leaked ${io.env.HW_SECRET_KEY}\n`);
      throw new DisNetworkError(`Could not reach it with ${io.env.HW_SECRET_KEY}. Check the endpoint.`, {
        causeCode: 'ECONNREFUSED',
      });
    },
  },
  {
    path: ['group', 'two'],
    summary: 'The second of a group.',
    usage: '',
    options: {},
    run: async () => {
      throw new TypeError('boom');
    },
  },
];

describe('exec', () => {
  beforeEach(() => calls.splice(0));

  test('parses options, repeatable options and positionals and returns the command’s exit code', async () => {
    // GIVEN
    const io = captureIo();
    // WHEN
    const code = await exec(['echo', '--name', 'n', '--tag', 'a', '--tag', 'b', 'w1'], io, commands);
    // THEN
    expect(code).toBe(0);
    expect(calls).toEqual([{ values: { name: 'n', tag: ['a', 'b'] }, positionals: ['w1'] }]);
  });

  test('--help lists every command and the exit codes, on stdout, exit 0', async () => {
    const io = captureIo();
    expect(await exec(['--help'], io, commands)).toBe(0);
    expect(io.out()).toContain('group one');
    expect(io.out()).toMatch(/Exit codes:[\s\S]*3 +service or network error/);
  });

  test('no command at all prints the help on stderr and exits 2', async () => {
    const io = captureIo();
    expect(await exec([], io, commands)).toBe(2);
    expect(io.err()).toContain('Usage: dis-transfer-tasks <command>');
  });

  test('a command’s --help shows its options, repeatability and examples', async () => {
    const io = captureIo();
    expect(await exec(['echo', '--help'], io, commands)).toBe(0);
    expect(io.out()).toContain('Usage: dis-transfer-tasks echo [--name NAME] [WORD…]');
    expect(io.out()).toMatch(/--tag VALUE +A tag\. Repeatable\./);
    expect(io.out()).toContain('dis-transfer-tasks echo --name x');
    expect(calls).toHaveLength(0);
  });

  test('`help COMMAND` is `COMMAND --help`', async () => {
    const io = captureIo();
    expect(await exec(['help', 'echo'], io, commands)).toBe(0);
    expect(io.out()).toContain('Usage: dis-transfer-tasks echo');
    expect(calls).toHaveLength(0);
  });

  test('a group’s --help lists its subcommands', async () => {
    const io = captureIo();
    expect(await exec(['group', '--help'], io, commands)).toBe(0);
    expect(io.out()).toContain('group two');
  });

  test('an unknown option is a usage error that points at the command’s help', async () => {
    const io = captureIo();
    expect(await exec(['echo', '--nmae', 'x'], io, commands)).toBe(2);
    expect(io.err()).toContain("Unknown option '--nmae'");
    expect(io.err()).toContain('Run `dis-transfer-tasks echo --help`');
  });

  test('an unknown command names the commands there are', async () => {
    const io = captureIo();
    expect(await exec(['lsit'], io, commands)).toBe(2);
    expect(io.err()).toContain("Unknown command 'lsit'. Commands: echo, group.");
  });

  test('a group without a known subcommand names its subcommands', async () => {
    const io = captureIo();
    expect(await exec(['group', 'three'], io, commands)).toBe(2);
    expect(io.err()).toContain("'group' has no subcommand 'three': use one of group one, group two.");
  });

  test('a DisError is printed with its code, its exit code is returned, and secrets are redacted', async () => {
    // GIVEN
    const io = captureIo({ HW_SECRET_KEY: 'canary-secret-value' });
    // WHEN
    const code = await exec(['group', 'one'], io, commands);
    // THEN
    expect(code).toBe(3);
    expect(io.err()).toContain('[DIS_NETWORK_ERROR]: Could not reach it with ***. Check the endpoint.');
    expect(io.err()).not.toContain('canary-secret-value');
  });

  test('an unexpected error is called a bug; --debug adds the stack', async () => {
    const io = captureIo();
    expect(await exec(['group', 'two'], io, commands)).toBe(3);
    expect(io.err()).toContain('Unexpected error: boom');
    expect(io.err()).not.toContain('at ');
    const debugIo = captureIo();
    expect(await exec(['group', 'two', '--debug'], debugIo, commands)).toBe(3);
    expect(debugIo.err()).toMatch(/TypeError: boom\n\s+at /);
  });

  test('--version prints the package version', async () => {
    const io = captureIo();
    expect(await exec(['--version'], io, commands)).toBe(0);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_COMMANDS } from '../../src/cli/main';
import { expectExit, runCli } from './support/run-cli';

describe('help through the built bin', () => {
  test.each(CLI_COMMANDS.map((c) => [c.path.join(' '), c] as const))(
    '`%s --help` shows its usage and every option',
    async (name, command) => {
      // WHEN
      const run = await runCli([...command.path, '--help']);
      // THEN
      expectExit(run, 0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`^Usage: dis-transfer-tasks ${name} `));
      for (const option of [...Object.keys(command.options), 'help', 'debug']) {
        expect(run.stdout).toMatch(new RegExp(`--${option}\\b`));
      }
    },
  );

  test('`--help` lists every command and the four exit codes', async () => {
    const run = await runCli(['--help']);
    expectExit(run, 0);
    for (const command of CLI_COMMANDS) {
      expect(run.stdout).toContain(`  ${command.path.join(' ')} `);
    }
    expect(run.stdout).toMatch(
      /Exit codes:\n {2}0 +healthy.*\n {2}1 +findings.*\n {2}2 +usage or configuration error.*\n {2}3 +service or network error/,
    );
  });

  test('`--version` prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runCli(['--version']);
    expect(run.stdout).toBe(`${version}\n`);
  });

  test('an unknown command exits 2 with the list of commands on stderr', async () => {
    const run = await runCli(['deploy']);
    expectExit(run, 2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("Unknown command 'deploy'. Commands: list, check, context, emulator.");
  });
});

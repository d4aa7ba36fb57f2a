import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CLI_NAME,
  cliScriptPath,
  DEFAULT_CLI_COMMAND,
  defaultCliCommand,
  findOnPath,
  isJsiiHost,
  missingCliWarning,
  quoteCommandWord,
} from '../../src/assertion/cli-command';

const ROOT = resolve(__dirname, '..', '..');
const PYTHON = { JSII_AGENT: 'Python/3.11.7' };

describe('the default cliCommand of the APPLY gate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dis-cli-command-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A folder holding an executable `dis-transfer-tasks` that prints its arguments. */
  function binFolder(name: string): string {
    const bin = join(dir, name);
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, CLI_NAME), '#!/bin/sh\necho "installed CLI: $*"\n');
    chmodSync(join(bin, CLI_NAME), 0o755);
    return bin;
  }

  test('in a Node app: node and the absolute path of the built CLI, which runs from any folder', () => {
    expect(cliScriptPath()).toBe(join(ROOT, 'lib', 'cli', 'main.js'));
    expect(DEFAULT_CLI_COMMAND).toBe(`node "${join(ROOT, 'lib', 'cli', 'main.js')}"`);
    expect(defaultCliCommand({ PATH: process.env.PATH })).toBe(DEFAULT_CLI_COMMAND);
    // what terraform's local-exec does: sh -c, in the stack's folder, far from node_modules/.bin
    const run = spawnSync('/bin/sh', ['-c', `${DEFAULT_CLI_COMMAND} --version`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('a path is one shell word, whatever it holds', () => {
    const hostile = '/opt/my apps/$HOME/`id`/"q"/back\\slash/main.js';
    const word = quoteCommandWord(hostile, 'linux');
    const echoed = spawnSync('/bin/sh', ['-c', `printf '%s|' ${word}`], { encoding: 'utf8' });
    expect(echoed.stdout).toBe(`${hostile}|`);
    expect(quoteCommandWord('C:\\Program Files\\app\\main.js', 'win32')).toBe(
      '"C:\\Program Files\\app\\main.js"',
    );
    expect(
      defaultCliCommand({}, 'linux', '/srv/app $x/node_modules/cdktf-dis-transfer-tasks/lib/cli/main.js'),
    ).toBe('node "/srv/app \\$x/node_modules/cdktf-dis-transfer-tasks/lib/cli/main.js"');
  });

  test('a jsii host is recognised by JSII_AGENT, or by the kernel folder the package runs from', () => {
    expect(isJsiiHost({})).toBe(false);
    expect(isJsiiHost({ JSII_AGENT: ' ' })).toBe(false);
    for (const agent of ['Python/3.11.7', 'Java/17.0.9', 'DotNet/8.0.1', 'go1.22.1/linux/amd64']) {
      expect(isJsiiHost({ JSII_AGENT: agent })).toBe(true);
    }
    const inKernel = '/tmp/jsii-kernel-7GYOQV/node_modules/cdktf-dis-transfer-tasks/lib/cli/main.js';
    expect(isJsiiHost({}, inKernel)).toBe(true);
    // that folder is gone at apply time: never a path into it
    expect(defaultCliCommand({ PATH: '' }, 'linux', inKernel)).toBe(CLI_NAME);
  });

  test('in a jsii host: the installed dis-transfer-tasks by its absolute path when PATH has it at synth', () => {
    const venv = binFolder('venv bin');
    const env = { ...PYTHON, PATH: ['relative/bin', '', join(dir, 'nothing'), venv, '/usr/bin'].join(':') };
    expect(findOnPath(CLI_NAME, env)).toBe(join(venv, CLI_NAME));
    expect(defaultCliCommand(env, 'linux')).toBe(`"${join(venv, CLI_NAME)}"`);
    const run = spawnSync('/bin/sh', ['-c', `${defaultCliCommand(env, 'linux')} check --gate-file g.json`], {
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('installed CLI: check --gate-file g.json\n');
    expect(missingCliWarning(env)).toBeUndefined();
  });

  test('in a jsii host without it on PATH: the bare name, and a warning that says how to install it', () => {
    const notExecutable = join(dir, 'plain');
    mkdirSync(notExecutable, { recursive: true });
    writeFileSync(join(notExecutable, CLI_NAME), 'not a program');
    mkdirSync(join(dir, 'folder', CLI_NAME), { recursive: true });
    const env = { ...PYTHON, PATH: [notExecutable, join(dir, 'folder')].join(':') };
    expect(findOnPath(CLI_NAME, env)).toBeUndefined();
    expect(defaultCliCommand(env, 'linux')).toBe(CLI_NAME);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(missingCliWarning(env)).toBe(
      'The APPLY gate runs `dis-transfer-tasks check` when Terraform applies, and `dis-transfer-tasks` is not on PATH here. ' +
        'Python: `pip install cdktf-dis-transfer-tasks` installs it; run cdktf with that environment active. ' +
        `Java, C#, Go: \`npm install --global cdktf-dis-transfer-tasks@${version}\`, or set cliCommand ` +
        `(for example 'npx --yes cdktf-dis-transfer-tasks@${version}').`,
    );
    // a Node app never gets it: its command is a path that exists
    expect(missingCliWarning({ PATH: '' })).toBeUndefined();
  });
});

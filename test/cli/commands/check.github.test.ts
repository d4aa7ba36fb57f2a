import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenEnv } from '../support/demo-emulator';
import { expectExit, runCli } from '../support/run-cli';
import { useCommandSuite } from '../support/command-suite';

// A GitHub Actions run, simulated: GITHUB_ACTIONS=true and a temporary GITHUB_STEP_SUMMARY file.
const suite = useCommandSuite({ tmp: true });

function summaryFile(): string {
  return join(suite.tmp.dir, 'step-summary.md');
}

function github(args: string[], env: Record<string, string> = {}) {
  return runCli(['check', ...args], {
    env: { ...tokenEnv(suite.emulator), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile(), ...env },
    cwd: suite.tmp.dir,
  });
}

function commands(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('::'));
}

function writeAcks(reason: string): void {
  writeFileSync(
    join(suite.tmp.dir, 'acks.json'),
    JSON.stringify([
      { ruleId: 'DIS-TASK-STATE', task: 'orders/orders-to-dli', reason, expires: '2999-01-01' },
    ]),
  );
}

describe('check in GitHub Actions', () => {
  test('a finding is an ::error annotation titled with its rule id; the summary has streams, tasks, states, findings', async () => {
    // GIVEN
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    // WHEN
    const run = await github(['--all-streams']);
    // THEN
    expectExit(run, 1);
    expect(commands(run.stdout)).toEqual([
      expect.stringMatching(/^::error title=DIS-TASK-STATE::task orders\/orders-to-dli is PAUSED.* Fix: /),
    ]);
    const summary = readFileSync(summaryFile(), 'utf8');
    expect(summary).toContain('## DIS transfer task gate: failed');
    expect(summary).toMatch(
      /\| orders \| cn\\-north\\-4 \| 0123456789abcdef0123456789abcdef \| .* \| 0s \| 2 \|/,
    );
    expect(summary).toContain('| orders | orders\\-to\\-dli | PAUSED | DLI |');
    expect(summary).toContain('| clicks | clicks\\-to\\-obs | RUNNING | OBS |');
    expect(summary).toMatch(/\| error \| DIS\\-TASK\\-STATE \| orders \| orders\\-to\\-dli \| .*PAUSED/);
  });

  test('an acknowledged finding is a ::notice; text is escaped as workflow commands require', async () => {
    // GIVEN a reason with every character the format gives a meaning to
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    writeAcks('100% paused: migration, see #42\n::error::forged');
    // WHEN
    const run = await github(['-s', 'orders', '--acknowledgements', 'acks.json']);
    // THEN
    expectExit(run, 0);
    const lines = commands(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::notice title=DIS-TASK-STATE::/);
    expect(lines[0]).toContain('Acknowledged: 100%25 paused: migration, see #42');
    expect(lines[0]).not.toContain('\n');
    expect(run.stdout).not.toMatch(/^::error::forged/m);
    // The acknowledgements table: every punctuation mark escaped, the newline written out.
    expect(readFileSync(summaryFile(), 'utf8')).toContain(
      String.raw`| DIS\-TASK\-STATE | orders\/orders\-to\-dli | 100\% paused\: migration\, see \#42\\n\:\:error\:\:forged | 2999\-01\-01 | active | orders\/orders\-to\-dli |`,
    );
  });

  test('past ten annotations of a level, the tenth counts the rest', async () => {
    // GIVEN twelve required tasks that do not exist
    const required = Array.from({ length: 12 }, (_, i) => ['--required-task', `orders/missing-${i}`]).flat();
    // WHEN
    const run = await github(['-s', 'orders', ...required]);
    // THEN
    expectExit(run, 1);
    const lines = commands(run.stdout);
    expect(lines).toHaveLength(10);
    expect(lines.slice(0, 9).every((l) => l.startsWith('::error title=DIS-TASK-REQUIRED::'))).toBe(true);
    expect(lines[9]).toBe(
      '::error title=DIS transfer task gate::3 more error findings; the job log and the step summary list them all.',
    );
  });

  test('a check that cannot run is one ::error with the error code, and the summary says why', async () => {
    await suite.emulator.injectFault({ kind: 'serverError', route: 'ListTransferTasks', status: 503 });
    const run = await github(['-s', 'orders', '--timeout', '5s']);
    expectExit(run, 3);
    expect(commands(run.stdout)).toEqual([expect.stringMatching(/^::error title=DIS_API_ERROR::.*503/)]);
    expect(readFileSync(summaryFile(), 'utf8')).toContain('## DIS transfer task gate: could not run');
  });

  test('with --output json on stdout, the annotations go to stderr and stdout stays JSON', async () => {
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    const run = await github(['-s', 'orders', '--output', 'json']);
    expectExit(run, 1);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(commands(run.stderr)).toHaveLength(1);
  });

  test('--no-github and DIS_GITHUB=off turn it off; outside GitHub Actions there is none', async () => {
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    const runs = [
      await github(['-s', 'orders', '--no-github']),
      await github(['-s', 'orders'], { DIS_GITHUB: 'OFF' }),
      await github(['-s', 'orders'], { GITHUB_ACTIONS: 'false' }),
    ];
    for (const run of runs) {
      expectExit(run, 1);
      expect(commands(run.stdout + run.stderr)).toEqual([]);
    }
    expect(existsSync(summaryFile())).toBe(false);
  });

  test('a DIS_GITHUB value that is neither on nor off is a usage error', async () => {
    const run = await github(['-s', 'orders'], { DIS_GITHUB: 'maybe' });
    expectExit(run, 2);
    expect(run.stderr).toContain(
      "DIS_GITHUB must be off (or false, 0, no) to turn the GitHub Actions output off, or on, not 'maybe'",
    );
  });

  test('a summary file that cannot be written is a warning; the outcome stays the check’s', async () => {
    const run = await github(['-s', 'orders'], { GITHUB_STEP_SUMMARY: suite.tmp.dir });
    expectExit(run, 0);
    expect(run.stderr).toContain('Warning: could not append the summary to GITHUB_STEP_SUMMARY');
  });
});

describe('check output', () => {
  test('--report still works, warns that it is deprecated, and means --output', async () => {
    const run = await runCli(['check', '-s', 'orders', '--report', 'json'], {
      env: tokenEnv(suite.emulator),
      cwd: suite.tmp.dir,
    });
    expectExit(run, 0);
    expect((JSON.parse(run.stdout) as { healthy: boolean }).healthy).toBe(true);
    expect(run.stderr).toContain(
      "Warning: --report is deprecated and will be removed; use --output 'json' instead.",
    );
  });

  test('an acknowledgement reason cannot forge a line of the text report', async () => {
    // GIVEN the gate passes thanks to an acknowledgement whose reason holds a newline and escape codes
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    writeAcks('migration window\nDIS transfer task gate failed for everything\u001b[2K');
    // WHEN
    const run = await runCli(['check', '-s', 'orders', '--acknowledgements', 'acks.json'], {
      env: tokenEnv(suite.emulator),
      cwd: suite.tmp.dir,
    });
    // THEN
    expectExit(run, 0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^DIS transfer task gate passed/);
    expect(lines[2]).toMatch(/^Snapshots: orders fetched /);
    expect(lines[1]).toContain('migration window\\nDIS transfer task gate failed for everything\\u001b[2K');
  });

  test('a stream name with a newline is refused in one escaped line', async () => {
    const run = await runCli(['check', '-s', 'x\u001b[2J\nGate PASSED'], {
      env: tokenEnv(suite.emulator),
      cwd: suite.tmp.dir,
    });
    expectExit(run, 2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('x\\u001b[2J\\nGate PASSED');
  });
});

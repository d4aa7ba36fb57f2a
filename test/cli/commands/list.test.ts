import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { formatTaskTable, formatUtcMinute } from '../../../src/cli/commands/list';
import { createStyle } from '../../../src/cli/output';
import { waitUntil } from '../../client/bounded';
import { DEMO, akSkEnv, tokenEnv } from '../support/demo-emulator';
import { allOutput, BIN, CANARY_SECRETS, expectExit, runCli } from '../support/run-cli';
import { useCommandSuite } from '../support/command-suite';

const suite = useCommandSuite({ tmp: false });
const plain = createStyle({ write: () => true }, {});
const colour = createStyle({ write: () => true, isTTY: true }, {});
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('list', () => {
  test('prints a table of task, state, destination, creation time and last-transfer age', async () => {
    // WHEN
    const run = await runCli(['list', '--stream', 'orders', '--stream', 'clicks'], {
      env: tokenEnv(suite.emulator),
    });
    // THEN
    expectExit(run, 0);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header.split(/ {2,}/)).toEqual([
      'STREAM',
      'TASK',
      'STATE',
      'DESTINATION',
      'CREATED (UTC)',
      'LAST TRANSFER',
    ]);
    // Tasks in the lookup's order (by name), not the service's (orders-to-obs comes first there).
    expect(rows.map((r) => r.split(/ {2,}/).slice(0, 5))).toEqual([
      ['orders', 'orders-to-dli', 'RUNNING', 'DLI', '2025-12-01 00:02'],
      ['orders', 'orders-to-obs', 'RUNNING', 'OBS', '2025-12-01 00:01'],
      ['clicks', 'clicks-to-obs', 'RUNNING', 'OBS', '2025-12-01 00:04'],
    ]);
    for (const row of rows) {
      expect(row).toMatch(/ {2}\d+m( \d+s)? ago$/);
    }
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).toBe('');
  });

  test('--all-streams --output json with AK/SK: every stream, the project looked up in IAM, the library’s task shape', async () => {
    // WHEN
    const run = await runCli(['list', '--all-streams', '--output', 'json'], { env: akSkEnv(suite.emulator) });
    // THEN
    expectExit(run, 0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ region: DEMO.region, projectId: DEMO.projectId });
    expect(json.streams.map((s: { streamName: string }) => s.streamName)).toEqual(['clicks', 'orders']);
    expect(json.streams[0]).toEqual({
      streamName: 'clicks',
      totalNumber: 1,
      quota: 4,
      tasks: [
        {
          taskName: 'clicks-to-obs',
          taskId: 'demoClicksToObs0001',
          state: 'RUNNING',
          destinationType: 'OBS',
          createTime: 1764547440000,
          lastTransferTimestamp: expect.any(Number),
        },
      ],
      warnings: [],
    });
  });

  test('--output json lists tasks in the same order as the table and the lookup: by name', async () => {
    const run = await runCli(['list', '-s', 'orders', '-o', 'json'], { env: tokenEnv(suite.emulator) });
    expectExit(run, 0);
    const json = JSON.parse(run.stdout) as { streams: Array<{ tasks: Array<{ taskName: string }> }> };
    expect(json.streams[0].tasks.map((t) => t.taskName)).toEqual(['orders-to-dli', 'orders-to-obs']);
  });

  test('--timeout is the deadline of each call, named in the error when it passes', async () => {
    // GIVEN a service that never answers
    await suite.emulator.injectFault({ kind: 'hang', route: 'ListTransferTasks' });
    // WHEN
    const run = await runCli(['list', '-s', 'orders', '--timeout', '1s'], { env: tokenEnv(suite.emulator) });
    // THEN
    expectExit(run, 3);
    expect(run.stderr).toContain('[DIS_NETWORK_ERROR]');
    expect(run.stderr).toContain('at the 1000 ms deadline');
    expect(run.stderr).toMatch(/, or raise --timeout\b/);
  });

  test.each([
    ['0', 'at least 1 ms'],
    ['2d', 'at most a day'],
    ['soon', "--timeout 'soon' is not a duration"],
  ])('--timeout %s is a usage error (exit 2) before any request', async (value, message) => {
    const run = await runCli(['list', '-s', 'orders', '--timeout', value], { env: tokenEnv(suite.emulator) });
    expectExit(run, 2);
    expect(run.stderr).toContain(message);
    expect(await suite.emulator.requestLog()).toEqual([]);
  });

  test('--report is not an option of list: the error points at --output', async () => {
    const run = await runCli(['list', '-s', 'orders', '--report', 'json'], { env: tokenEnv(suite.emulator) });
    expectExit(run, 2);
    expect(run.stderr).toContain("Unknown option '--report'. Did you mean --output?");
  });

  test('colours states only when asked for and NO_COLOR is unset', async () => {
    // GIVEN
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    // WHEN
    const coloured = await runCli(['list', '-s', 'orders'], {
      env: { ...tokenEnv(suite.emulator), FORCE_COLOR: '1' },
    });
    const plain = await runCli(['list', '-s', 'orders'], {
      env: { ...tokenEnv(suite.emulator), FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    // THEN
    expect(coloured.stdout).toContain('\u001b[32mRUNNING\u001b[39m');
    expect(coloured.stdout).toContain('\u001b[33mPAUSED\u001b[39m');
    expect(plain.stdout).toContain('PAUSED');
    expect(plain.stdout).not.toContain('\u001b[');
  });

  test('a state the library does not know is listed and warned about on stderr', async () => {
    // GIVEN
    await suite.emulator.setTaskState('orders', 'orders-to-obs', 'MIGRATING');
    // WHEN
    const run = await runCli(['list', '--stream', 'orders'], { env: tokenEnv(suite.emulator) });
    // THEN
    expectExit(run, 0);
    expect(run.stdout).toMatch(/orders-to-obs +MIGRATING/);
    expect(run.stderr).toMatch(/^Warning \(orders\): .*MIGRATING/m);
  });

  test('a stream that does not exist exits 2 with the service’s code and the fix', async () => {
    const run = await runCli(['list', '--stream', 'nope'], { env: tokenEnv(suite.emulator) });
    expectExit(run, 2);
    expect(run.stderr).toContain('[DIS_API_ERROR]');
    expect(run.stderr).toContain('DIS.4301');
    expect(run.stderr).toContain('check the stream name');
    expect(run.stdout).toBe('');
  });

  test('a stream name the API would refuse exits 2 before any request, IAM included', async () => {
    // GIVEN no project id, so a request would start with the IAM project lookup
    const env = tokenEnv(suite.emulator);
    delete env.HW_PROJECT_ID;
    // WHEN
    const run = await runCli(['list', '--stream', 'orders', '--stream', 'bad name!'], { env });
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toContain(`[DIS_CONFIG_ERROR]: --stream 'bad name!' is not valid`);
    expect(await suite.emulator.requestLog()).toEqual([]);
  });

  test('no credentials at all exits 2 and names the variables to set', async () => {
    const env = tokenEnv(suite.emulator);
    delete env.HW_AUTH_TOKEN;
    const run = await runCli(['list', '--stream', 'orders'], { env, withoutCanaries: true });
    expectExit(run, 2);
    expect(run.stderr).toContain('[DIS_CONFIG_ERROR]');
    expect(run.stderr).toContain('HW_AUTH_TOKEN');
  });

  test('a rejected token exits 2 (fix the credentials) without echoing it', async () => {
    const run = await runCli(['list', '--stream', 'orders'], {
      env: { ...tokenEnv(suite.emulator), HW_AUTH_TOKEN: 'rejected-token-canary-99' },
    });
    expectExit(run, 2);
    expect(run.stderr).toContain('[DIS_AUTH_ERROR]');
    expect(run.stderr).not.toContain('rejected-token-canary-99');
  });

  test('a service that keeps failing exits 3', async () => {
    // GIVEN
    await suite.emulator.injectFault({ kind: 'serverError', route: 'ListTransferTasks', status: 503 });
    // WHEN
    const run = await runCli(['list', '--stream', 'orders'], { env: tokenEnv(suite.emulator) });
    // THEN
    expectExit(run, 3);
    expect(run.stderr).toContain('503');
  });

  test('an endpoint nobody listens on exits 3 with a network error', async () => {
    const run = await runCli(['list', '--stream', 'orders', '--endpoint', 'http://127.0.0.1:9'], {
      env: tokenEnv(suite.emulator),
    });
    expectExit(run, 3);
    expect(run.stderr).toContain('[DIS_NETWORK_ERROR]');
    expect(run.stderr).toContain('127.0.0.1:9');
  });

  test('Ctrl-C (SIGINT) stops a hanging request with exit code 130 and no output', async () => {
    // GIVEN a service that never finishes its answer
    await suite.emulator.injectFault({ kind: 'hang', route: 'ListTransferTasks' });
    const child = spawn(process.execPath, [BIN, 'list', '--stream', 'orders'], {
      env: { PATH: process.env.PATH ?? '', ...CANARY_SECRETS, ...tokenEnv(suite.emulator) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    // the hung request is logged when it arrives
    await waitUntil(
      async () => (await suite.emulator.requestLog()).some((r) => r.fault === 'hang'),
      30_000,
      'the CLI sent its request to the emulator',
      exited.then(([code]) => `the CLI exited first with ${code}: ${output}`),
    );
    // WHEN
    child.kill('SIGINT');
    const [code] = await exited;
    allOutput.push(output);
    // THEN
    expect(code).toBe(130);
    expect(output).toBe('');
  });

  test('--region and --project override the environment', async () => {
    const env = {
      ...tokenEnv(suite.emulator),
      HW_REGION_NAME: 'eu-west-101',
      HW_PROJECT_ID: 'ffffffffffffffffffffffffffffffff',
    };
    const run = await runCli(
      ['list', '-s', 'orders', '--region', DEMO.region, '--project', DEMO.projectId, '-o', 'json'],
      { env },
    );
    expectExit(run, 0);
    expect(JSON.parse(run.stdout)).toMatchObject({ region: DEMO.region, projectId: DEMO.projectId });
  });

  test('without --stream or --all-streams it is a usage error with an example', async () => {
    const run = await runCli(['list'], { env: tokenEnv(suite.emulator) });
    expectExit(run, 2);
    expect(run.stderr).toContain('needs the streams to look at');
  });

  test('--help shows every option', async () => {
    const run = await runCli(['list', '--help']);
    expectExit(run, 0);
    for (const option of [
      '--stream NAME',
      '--all-streams',
      '--project ID',
      '--region REGION',
      '--endpoint URL',
      '--output table|json',
    ]) {
      expect(run.stdout).toContain(option);
    }
  });
});

describe('formatTaskTable', () => {
  test('one row per task with the creation time in UTC and the last transfer as an age', () => {
    // WHEN
    const text = formatTaskTable(
      [
        {
          streamName: 'orders',
          tasks: [
            {
              taskName: 'a',
              state: 'RUNNING',
              destinationType: 'OBS',
              createTime: Date.UTC(2026, 0, 2, 3, 4),
              lastTransferTimestamp: NOW - 90_000,
            },
            {
              taskName: 'b',
              state: 'PAUSED',
              destinationType: 'DLI',
              createTime: Date.UTC(2026, 0, 2, 3, 4),
            },
            {
              taskName: 'c',
              state: 'ERROR',
              destinationType: 'DWS',
              createTime: Date.UTC(2026, 0, 2, 3, 4),
              lastTransferTimestamp: 0,
            },
          ],
        },
      ],
      NOW,
      plain,
    );
    // THEN
    expect(text.split('\n').map((l) => l.split(/ {2,}/))).toEqual([
      ['STREAM', 'TASK', 'STATE', 'DESTINATION', 'CREATED (UTC)', 'LAST TRANSFER'],
      ['orders', 'a', 'RUNNING', 'OBS', '2026-01-02 03:04', '1m 30s ago'],
      ['orders', 'b', 'PAUSED', 'DLI', '2026-01-02 03:04', 'never'],
      ['orders', 'c', 'ERROR', 'DWS', '2026-01-02 03:04', 'never'],
      [''],
    ]);
  });

  test('colours RUNNING green, PAUSED and STARTING yellow, anything else red', () => {
    const row = (state: string) =>
      formatTaskTable(
        [{ streamName: 's', tasks: [{ taskName: 't', state, destinationType: 'OBS', createTime: 0 }] }],
        NOW,
        colour,
      );
    expect(row('RUNNING')).toContain('\u001b[32mRUNNING\u001b[39m');
    expect(row('STARTING')).toContain('\u001b[33mSTARTING\u001b[39m');
    expect(row('PAUSED')).toContain('\u001b[33mPAUSED\u001b[39m');
    expect(row('MIGRATING')).toContain('\u001b[31mMIGRATING\u001b[39m');
  });
});

describe('formatUtcMinute', () => {
  test('is UTC to the minute', () => {
    expect(formatUtcMinute(Date.UTC(2026, 10, 28, 23, 59, 59))).toBe('2026-11-28 23:59');
  });

  test('a number no date can hold is shown as itself, not a crash', () => {
    expect(formatUtcMinute(1e20)).toBe('100000000000000000000');
    expect(formatUtcMinute(Number.NaN)).toBe('NaN');
  });
});

describe('formatTaskTable with hostile values', () => {
  test('escape codes and newlines in names, states and types stay on their row, escaped', () => {
    // WHEN
    const text = formatTaskTable(
      [
        {
          streamName: 'orders',
          tasks: [
            {
              taskName: 'x\n  Gate PASSED',
              state: 'PAUSED\u001b[2K\rRUNNING',
              destinationType: 'OBS\u009b31m',
              createTime: 0,
            },
          ],
        },
      ],
      NOW,
      colour,
    );
    // THEN
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('x\\n  Gate PASSED');
    expect(lines[1]).toContain('PAUSED\\u001b[2K\\rRUNNING');
    expect(lines[1]).toContain('OBS\\u009b31m');
    // eslint-disable-next-line no-control-regex
    expect(lines[1].replace(/\u001b\[(?:1|2|22|31|39)m/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

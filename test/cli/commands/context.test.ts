import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, DEMO_SECRETS, tokenEnv } from '../support/demo-emulator';
import { expectExit, forbiddenValues, runCli } from '../support/run-cli';
import { useCommandSuite } from '../support/command-suite';

const key = (stream: string) => `dis-transfer-tasks:${DEMO.region}:${DEMO.projectId}:${stream}`;
const ORDERS = key('orders');
const CLICKS = key('clicks');
const ALL = key('*');
const HOUR_AGO = new Date(Date.now() - 3_600_000 - 30_000).toISOString();
const DAY_AGO = new Date(Date.now() - 86_400_000).toISOString();

// One demo emulator for the file (context refresh fetches from it) and a temporary folder per test.
const suite = useCommandSuite({ tmp: true });

function task(name: string): Record<string, unknown> {
  return { taskName: name, state: 'RUNNING', destinationType: 'OBS', createTime: 1764547260000 };
}

function seed(dir: string): string {
  const file = join(dir, 'cdktf.context.json');
  const contents = {
    [ORDERS]: {
      fetchedAt: HOUR_AGO,
      totalNumber: 2,
      tasks: [task('orders-to-dli'), task('orders-to-obs')],
      warnings: [],
    },
    [CLICKS]: { fetchedAt: HOUR_AGO, totalNumber: 1, tasks: [task('clicks-to-obs')], warnings: [] },
    [ALL]: { fetchedAt: HOUR_AGO, streams: ['clicks', 'orders'] },
    'dis-transfer-tasks:mode': 'offline',
    'some-other-library:key': { keep: true },
  };
  writeFileSync(file, JSON.stringify(contents, undefined, 2));
  return file;
}

function readContext(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('context list', () => {
  test('shows each lookup entry with what it holds, its fetch time and age, and leaves other context out', async () => {
    // GIVEN
    seed(suite.tmp.dir);
    // WHEN
    const run = await runCli(['context', 'list'], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KEY\s+STREAM\s+HOLDS\s+FETCHED \(UTC\)\s+AGE$/);
    const fetched = HOUR_AGO.slice(0, 16).replace('T', ' ');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`:\\*\\s+\\(all streams\\)\\s+2 streams\\s+${fetched}\\s+1h ago$`)),
      expect.stringMatching(new RegExp(`^${CLICKS}\\s+clicks\\s+1 tasks\\s+${fetched}\\s+1h ago$`)),
      expect.stringMatching(/:orders\s+orders\s+2 tasks\s+.*1h ago$/),
    ]);
    expect(run.stdout).not.toContain('some-other-library');
    expect(run.stdout).not.toContain(':mode');
    expect(run.stdout).not.toContain('\u001b[');
  });

  test('--output json gives keys, parts, validity, counts, fetch times and ages', async () => {
    // GIVEN
    seed(suite.tmp.dir);
    // WHEN
    const run = await runCli(['context', 'list', '--output', 'json'], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 0);
    const json = JSON.parse(run.stdout) as { file: string; entries: Array<Record<string, unknown>> };
    expect(json.file).toBe(join(suite.tmp.dir, 'cdktf.context.json'));
    expect(json.entries.map((e) => e.key)).toEqual([ALL, CLICKS, ORDERS]);
    expect(json.entries[2]).toEqual({
      key: ORDERS,
      region: 'cn-north-4',
      projectId: DEMO.projectId,
      streamName: 'orders',
      kind: 'tasks',
      valid: true,
      count: 2,
      fetchedAt: HOUR_AGO,
      ageSeconds: expect.any(Number),
    });
    expect(json.entries[2].ageSeconds as number).toBeGreaterThanOrEqual(3630);
  });

  test('a missing file is a configuration error (exit 2) naming the folder and --file', async () => {
    const run = await runCli(['context', 'list'], { cwd: suite.tmp.dir });
    expectExit(run, 2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[DIS_CONTEXT_FILE_MISSING]');
    expect(run.stderr).toContain(JSON.stringify(suite.tmp.dir));
    expect(run.stderr).toContain('--file');
  });

  test('a file without lookups lists nothing, says so, exit 0', async () => {
    writeFileSync(join(suite.tmp.dir, 'cdktf.context.json'), '{ "other:key": 1 }');
    const run = await runCli(['context', 'list'], { cwd: suite.tmp.dir });
    expectExit(run, 0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No lookups recorded');
  });

  test('a broken entry is marked, explained with its key and the reset of that entry alone, exit 2', async () => {
    // GIVEN
    const file = seed(suite.tmp.dir);
    const contents = readContext(file);
    writeFileSync(file, JSON.stringify({ ...contents, [CLICKS]: { fetchedAt: 'yesterday', tasks: [] } }));
    // WHEN
    const run = await runCli(['context', 'list'], { cwd: suite.tmp.dir });
    const json = await runCli(['context', 'list', '-o', 'json'], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 2);
    expect(run.stdout).toMatch(new RegExp(`^${CLICKS}\\s+clicks\\s+invalid\\s*$`, 'm'));
    expect(run.stdout).toMatch(/:orders\s+orders\s+2 tasks/);
    expect(run.stderr).toContain(`[DIS_CONTEXT_VALUE_INVALID]: The value of context key "${CLICKS}"`);
    expect(run.stderr).toContain('fetchedAt: expected an ISO-8601 date-time');
    expect(run.stderr).toContain(`\`dis-transfer-tasks context reset '${CLICKS}'\` forgets this entry alone`);
    expectExit(json, 2);
    const entry = (JSON.parse(json.stdout) as { entries: Array<Record<string, unknown>> }).entries[1];
    expect(entry).toMatchObject({
      key: CLICKS,
      valid: false,
      fix: `dis-transfer-tasks context reset '${CLICKS}'`,
    });
    expect(entry.problem).toContain('fetchedAt');
  });

  test('a key with escape codes and newlines is printed escaped, on its own line', async () => {
    // GIVEN
    const hostile = `dis-transfer-tasks:cn-north-4:p:x\u001b[2J\nGate PASSED`;
    writeFileSync(
      join(suite.tmp.dir, 'cdktf.context.json'),
      JSON.stringify({ [hostile]: { fetchedAt: HOUR_AGO, totalNumber: 0, tasks: [], warnings: [] } }),
    );
    // WHEN
    const run = await runCli(['context', 'list'], { cwd: suite.tmp.dir, env: { FORCE_COLOR: '1' } });
    // THEN
    expectExit(run, 0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(run.stdout).toContain('x\\u001b[2J\\nGate PASSED');
    expect(run.stdout).not.toMatch(/^Gate PASSED/m);
    expect(run.stdout).not.toContain('\u001b[2J');
  });

  test('--file reads another file, and so does DIS_LOOKUP_CONTEXT_FILE as for the lookups; --file wins', async () => {
    // GIVEN
    seed(suite.tmp.dir);
    mkdirSync(join(suite.tmp.dir, 'app'));
    writeFileSync(
      join(suite.tmp.dir, 'app', 'moved.json'),
      JSON.stringify({ [ORDERS]: { fetchedAt: HOUR_AGO, totalNumber: 0, tasks: [], warnings: [] } }),
    );
    // WHEN
    const byEnv = await runCli(['context', 'list', '-o', 'json'], {
      cwd: suite.tmp.dir,
      env: { DIS_LOOKUP_CONTEXT_FILE: 'app/moved.json' },
    });
    const byFlag = await runCli(['context', 'list', '-o', 'json', '--file', 'cdktf.context.json'], {
      cwd: suite.tmp.dir,
      env: { DIS_LOOKUP_CONTEXT_FILE: 'app/moved.json' },
    });
    const missing = await runCli(['context', 'list', '--file', 'nowhere.json'], { cwd: suite.tmp.dir });
    // THEN
    expect((JSON.parse(byEnv.stdout) as { file: string }).file).toBe(
      join(suite.tmp.dir, 'app', 'moved.json'),
    );
    expect((JSON.parse(byFlag.stdout) as { entries: unknown[] }).entries).toHaveLength(3);
    expectExit(missing, 2);
    expect(missing.stderr).toContain(join(suite.tmp.dir, 'nowhere.json'));
  });

  test('--output yaml is a usage error naming the valid formats', async () => {
    seed(suite.tmp.dir);
    const bad = await runCli(['context', 'list', '--output', 'yaml'], { cwd: suite.tmp.dir });
    expectExit(bad, 2);
    expect(bad.stderr).toContain("--output must be table or json, not 'yaml'");
  });

  test('a broken file is a configuration error (exit 2) that names the file and the fix', async () => {
    // GIVEN
    writeFileSync(join(suite.tmp.dir, 'cdktf.context.json'), '{ "a": ');
    // WHEN
    const run = await runCli(['context', 'list'], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toContain('[DIS_CONTEXT_FILE_INVALID]');
    expect(run.stderr).toContain(join(suite.tmp.dir, 'cdktf.context.json'));
  });
});

describe('context reset', () => {
  test('without arguments removes every lookup entry and keeps other context', async () => {
    // GIVEN
    const file = seed(suite.tmp.dir);
    // WHEN
    const run = await runCli(['context', 'reset'], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 0);
    expect(readContext(file)).toEqual({
      'dis-transfer-tasks:mode': 'offline',
      'some-other-library:key': { keep: true },
    });
    expect(run.stdout.trim().split('\n')).toEqual([
      `removed ${ALL}`,
      `removed ${CLICKS}`,
      `removed ${ORDERS}`,
    ]);
  });

  test('removes only the keys and streams named', async () => {
    // GIVEN
    const file = seed(suite.tmp.dir);
    // WHEN
    const run = await runCli(['context', 'reset', 'clicks', ALL], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 0);
    expect(Object.keys(readContext(file)).sort()).toEqual([
      ORDERS,
      'dis-transfer-tasks:mode',
      'some-other-library:key',
    ]);
  });

  test('without a cache file exits 2 and creates nothing', async () => {
    const run = await runCli(['context', 'reset'], { cwd: suite.tmp.dir });
    expectExit(run, 2);
    expect(run.stderr).toContain('[DIS_CONTEXT_FILE_MISSING]');
    expect(readdirSync(suite.tmp.dir)).toEqual([]);
  });

  test('a name that matches nothing changes nothing and exits 2 with the entries there are', async () => {
    // GIVEN
    const file = seed(suite.tmp.dir);
    const before = readFileSync(file, 'utf8');
    // WHEN
    const run = await runCli(['context', 'reset', 'ordres'], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toContain("matches 'ordres'");
    expect(run.stderr).toContain(`'${ORDERS}'`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('context', () => {
  test('without a subcommand is a usage error naming the subcommands', async () => {
    const run = await runCli(['context'], { cwd: suite.tmp.dir });
    expectExit(run, 2);
    expect(run.stderr).toContain(
      "'context' needs a subcommand: use one of context list, context diff, context refresh, context reset",
    );
  });

  test('--help lists the subcommands', async () => {
    const run = await runCli(['context', '--help'], { cwd: suite.tmp.dir });
    expectExit(run, 0);
    expect(run.stdout).toContain('context reset');
  });
});

function staleTasks(...names: string[]): Record<string, unknown> {
  const tasks = names.map((taskName) => ({
    taskName,
    state: 'PAUSED',
    destinationType: 'OBS',
    createTime: 0,
  }));
  return { fetchedAt: DAY_AGO, totalNumber: tasks.length, tasks, warnings: [] };
}

describe('context refresh', () => {
  let file: string;
  beforeEach(() => {
    file = join(suite.tmp.dir, 'cdktf.context.json');
    const contents = {
      [key('orders')]: staleTasks('orders-to-obs'),
      [key('clicks')]: staleTasks('clicks-to-obs'),
      [key('*')]: { fetchedAt: DAY_AGO, streams: ['orders'] },
      'other-library:setting': 42,
    };
    writeFileSync(file, JSON.stringify(contents, undefined, 2));
  });

  function readRecorded(): Record<
    string,
    { fetchedAt?: string; tasks?: Array<{ taskName: string; state: string }>; streams?: string[] }
  > {
    return JSON.parse(readFileSync(file, 'utf8'));
  }

  function refresh(args: string[] = []) {
    return runCli(['context', 'refresh', ...args], { env: tokenEnv(suite.emulator), cwd: suite.tmp.dir });
  }

  test('re-fetches every lookup entry in place, stream lists included, and keeps other context', async () => {
    // WHEN
    const run = await refresh();
    // THEN
    expectExit(run, 0);
    const context = readRecorded();
    expect(context[key('orders')].tasks?.map((t) => [t.taskName, t.state])).toEqual([
      ['orders-to-dli', 'RUNNING'],
      ['orders-to-obs', 'RUNNING'],
    ]);
    expect(context[key('clicks')].tasks?.map((t) => t.state)).toEqual(['RUNNING']);
    expect(context[key('*')].streams).toEqual(['clicks', 'orders']);
    expect(Date.parse(context[key('orders')].fetchedAt!)).toBeGreaterThan(Date.parse(DAY_AGO));
    expect(context['other-library:setting']).toBe(42);
    expect(run.stdout.trim().split('\n').sort()).toEqual(
      [key('*'), key('clicks'), key('orders')].map((k) => `refreshed ${k}`).sort(),
    );
    expect(run.stderr).toContain('Refreshed 3 of 3 lookups');
  });

  test('refreshes only the keys or streams named', async () => {
    const run = await refresh(['orders']);
    expectExit(run, 0);
    const context = readRecorded();
    expect(context[key('orders')].fetchedAt).not.toBe(DAY_AGO);
    expect(context[key('clicks')].fetchedAt).toBe(DAY_AGO);
    expect(context[key('*')].fetchedAt).toBe(DAY_AGO);
  });

  test('an entry whose stream is gone keeps its old value, the others are refreshed, exit 2', async () => {
    // GIVEN
    const context = readRecorded();
    writeFileSync(file, JSON.stringify({ ...context, [key('retired')]: staleTasks('retired-to-obs') }));
    // WHEN
    const run = await refresh();
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toMatch(new RegExp(`Failed ${key('retired')} \\[DIS_API_ERROR\\]: .*DIS\\.4301`));
    expect(run.stderr).toContain('Refreshed 3 of 4 lookups');
    const after = readRecorded();
    expect(after[key('retired')].fetchedAt).toBe(DAY_AGO);
    expect(after[key('orders')].fetchedAt).not.toBe(DAY_AGO);
  });

  test('a failing service changes nothing and exits 3', async () => {
    // GIVEN
    await suite.emulator.injectFault({ kind: 'serverError', route: '*', status: 503 });
    const before = readFileSync(file, 'utf8');
    // WHEN
    const run = await refresh();
    // THEN
    expectExit(run, 3);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('never writes a credential into the file', async () => {
    await refresh();
    const text = readFileSync(file, 'utf8');
    for (const secret of [...DEMO_SECRETS, ...forbiddenValues()]) {
      expect(text).not.toContain(secret);
    }
  });

  test('repairs a broken entry', async () => {
    writeFileSync(file, JSON.stringify({ ...readRecorded(), [key('orders')]: { tasks: 'broken' } }));
    const run = await refresh(['orders']);
    expectExit(run, 0);
    expect(readRecorded()[key('orders')].tasks).toHaveLength(2);
  });

  test('without a cache file, or with no lookups in it, exits 2 and fetches nothing', async () => {
    // GIVEN
    const other = join(suite.tmp.dir, 'empty.json');
    writeFileSync(other, '{ "other-library:setting": 1 }\n');
    // WHEN
    const none = await refresh(['--file', 'none.json']);
    const empty = await refresh(['--file', 'empty.json']);
    // THEN
    expectExit(none, 2);
    expect(none.stderr).toContain('[DIS_CONTEXT_FILE_MISSING]');
    expectExit(empty, 2);
    expect(empty.stderr).toContain('Nothing to refresh');
    expect(readFileSync(other, 'utf8')).toBe('{ "other-library:setting": 1 }\n');
    expect(await suite.emulator.requestLog()).toEqual([]);
  });

  test('a name that matches no entry is a usage error (exit 2) and fetches nothing', async () => {
    const run = await refresh(['nope']);
    expectExit(run, 2);
    expect(run.stderr).toContain("matches 'nope'");
    expect(await suite.emulator.requestLog()).toEqual([]);
  });
});

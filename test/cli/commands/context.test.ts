import { readFileSync, writeFileSync } from 'node:fs';
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
  test('shows each lookup entry with what it holds and its age, and leaves other context out', async () => {
    // GIVEN
    seed(suite.tmp.dir);
    // WHEN
    const run = await runCli(['context', 'list'], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KEY\s+STREAM\s+HOLDS\s+FETCHED$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/:\*\s+\(all streams\)\s+2 streams\s+1h ago$/),
      expect.stringMatching(new RegExp(`^${CLICKS}\\s+clicks\\s+1 tasks\\s+1h ago$`)),
      expect.stringMatching(/:orders\s+orders\s+2 tasks\s+1h ago$/),
    ]);
    expect(run.stdout).not.toContain('some-other-library');
    expect(run.stdout).not.toContain(':mode');
    expect(run.stdout).not.toContain('\u001b[');
  });

  test('--output json gives keys, parts, counts, fetch times and ages', async () => {
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
      count: 2,
      fetchedAt: HOUR_AGO,
      ageSeconds: expect.any(Number),
    });
    expect(json.entries[2].ageSeconds as number).toBeGreaterThanOrEqual(3630);
  });

  test('a missing file lists nothing and says how entries get there', async () => {
    const run = await runCli(['context', 'list'], { cwd: suite.tmp.dir });
    expectExit(run, 0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No lookups recorded');
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

  test('--file reads another file; --output yaml is a usage error', async () => {
    seed(suite.tmp.dir);
    const moved = await runCli(['context', 'list', '--file', 'nowhere.json'], { cwd: suite.tmp.dir });
    expect(moved.stderr).toContain(join(suite.tmp.dir, 'nowhere.json'));
    const bad = await runCli(['context', 'list', '--output', 'yaml'], { cwd: suite.tmp.dir });
    expectExit(bad, 2);
    expect(bad.stderr).toContain('--output must be table or json');
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

  test('a name that matches nothing changes nothing and exits 2 with the entries there are', async () => {
    // GIVEN
    const file = seed(suite.tmp.dir);
    const before = readFileSync(file, 'utf8');
    // WHEN
    const run = await runCli(['context', 'reset', 'ordres'], { cwd: suite.tmp.dir });
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toContain("matches 'ordres'");
    expect(run.stderr).toContain(ORDERS);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('context', () => {
  test('without a subcommand is a usage error naming the subcommands', async () => {
    const run = await runCli(['context'], { cwd: suite.tmp.dir });
    expectExit(run, 2);
    expect(run.stderr).toContain(
      "'context' needs a subcommand: use one of context list, context refresh, context reset",
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
    expect(run.stderr).toContain('Refreshed 3 of 3 lookup(s)');
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
    expect(run.stderr).toContain('Refreshed 3 of 4 lookup(s)');
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

  test('a name that matches no entry is a usage error (exit 2) and fetches nothing', async () => {
    const run = await refresh(['nope']);
    expectExit(run, 2);
    expect(run.stderr).toContain("matches 'nope'");
    expect(await suite.emulator.requestLog()).toEqual([]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allOutput, expectExit, forbiddenValues, runCli, tempDir } from '../support/run-cli';

const PROJECT = '0123456789abcdef0123456789abcdef';
const ORDERS = `dis-transfer-tasks:cn-north-4:${PROJECT}:orders`;
const CLICKS = `dis-transfer-tasks:cn-north-4:${PROJECT}:clicks`;
const ALL = `dis-transfer-tasks:cn-north-4:${PROJECT}:*`;
const HOUR_AGO = new Date(Date.now() - 3_600_000 - 30_000).toISOString();

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

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.remove());
afterAll(() => {
  for (const secret of forbiddenValues()) {
    expect(allOutput.join('\n')).not.toContain(secret);
  }
});

describe('context list', () => {
  test('shows each lookup entry with what it holds and its age, and leaves other context out', async () => {
    // GIVEN
    seed(tmp.dir);
    // WHEN
    const run = await runCli(['context', 'list'], { cwd: tmp.dir });
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
    seed(tmp.dir);
    // WHEN
    const run = await runCli(['context', 'list', '--output', 'json'], { cwd: tmp.dir });
    // THEN
    expectExit(run, 0);
    const json = JSON.parse(run.stdout) as { file: string; entries: Array<Record<string, unknown>> };
    expect(json.file).toBe(join(tmp.dir, 'cdktf.context.json'));
    expect(json.entries.map((e) => e.key)).toEqual([ALL, CLICKS, ORDERS]);
    expect(json.entries[2]).toEqual({
      key: ORDERS,
      region: 'cn-north-4',
      projectId: PROJECT,
      streamName: 'orders',
      kind: 'tasks',
      count: 2,
      fetchedAt: HOUR_AGO,
      ageSeconds: expect.any(Number),
    });
    expect(json.entries[2].ageSeconds as number).toBeGreaterThanOrEqual(3630);
  });

  test('a missing file lists nothing and says how entries get there', async () => {
    const run = await runCli(['context', 'list'], { cwd: tmp.dir });
    expectExit(run, 0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No lookups recorded');
  });

  test('a broken file is a configuration error (exit 2) that names the file and the fix', async () => {
    // GIVEN
    writeFileSync(join(tmp.dir, 'cdktf.context.json'), '{ "a": ');
    // WHEN
    const run = await runCli(['context', 'list'], { cwd: tmp.dir });
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toContain('[DIS_CONTEXT_FILE_INVALID]');
    expect(run.stderr).toContain(join(tmp.dir, 'cdktf.context.json'));
  });

  test('--file reads another file; --output yaml is a usage error', async () => {
    seed(tmp.dir);
    const moved = await runCli(['context', 'list', '--file', 'nowhere.json'], { cwd: tmp.dir });
    expect(moved.stderr).toContain(join(tmp.dir, 'nowhere.json'));
    const bad = await runCli(['context', 'list', '--output', 'yaml'], { cwd: tmp.dir });
    expectExit(bad, 2);
    expect(bad.stderr).toContain('--output must be table or json');
  });
});

describe('context reset', () => {
  test('without arguments removes every lookup entry and keeps other context', async () => {
    // GIVEN
    const file = seed(tmp.dir);
    // WHEN
    const run = await runCli(['context', 'reset'], { cwd: tmp.dir });
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
    const file = seed(tmp.dir);
    // WHEN
    const run = await runCli(['context', 'reset', 'clicks', ALL], { cwd: tmp.dir });
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
    const file = seed(tmp.dir);
    const before = readFileSync(file, 'utf8');
    // WHEN
    const run = await runCli(['context', 'reset', 'ordres'], { cwd: tmp.dir });
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toContain("matches 'ordres'");
    expect(run.stderr).toContain(ORDERS);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('context', () => {
  test('without a subcommand is a usage error naming the subcommands', async () => {
    const run = await runCli(['context'], { cwd: tmp.dir });
    expectExit(run, 2);
    expect(run.stderr).toContain(
      "'context' needs a subcommand: use one of context list, context refresh, context reset",
    );
  });

  test('--help lists the subcommands', async () => {
    const run = await runCli(['context', '--help'], { cwd: tmp.dir });
    expectExit(run, 0);
    expect(run.stdout).toContain('context reset');
  });
});

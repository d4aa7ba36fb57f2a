import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, tokenEnv } from '../support/demo-emulator';
import { expectExit, runCli } from '../support/run-cli';
import { useCommandSuite } from '../support/command-suite';

const key = (stream: string) => `dis-transfer-tasks:${DEMO.region}:${DEMO.projectId}:${stream}`;

// One demo emulator for the file (reset after each test) and a temporary folder per test.
const suite = useCommandSuite({ tmp: true });

function file(): string {
  return join(suite.tmp.dir, 'cdktf.context.json');
}

function cli(args: string[]) {
  return runCli(['context', ...args], { env: tokenEnv(suite.emulator), cwd: suite.tmp.dir });
}

/** The recorded file, made once per run (by the first test that needs it) and copied for the others. */
let recorded: string | undefined;

/** Records the live state of orders, clicks and the project's stream list, as a synth would. */
async function record(): Promise<string> {
  if (recorded !== undefined) {
    writeFileSync(file(), recorded);
    return recorded;
  }
  writeFileSync(
    file(),
    JSON.stringify({
      [key('orders')]: { fetchedAt: '2026-01-01T00:00:00.000Z', totalNumber: 0, tasks: [], warnings: [] },
      [key('clicks')]: { fetchedAt: '2026-01-01T00:00:00.000Z', totalNumber: 0, tasks: [], warnings: [] },
      [key('*')]: { fetchedAt: '2026-01-01T00:00:00.000Z', streams: [] },
      'other-library:setting': 42,
    }),
  );
  expectExit(await cli(['refresh']), 0);
  await suite.emulator.reset(); // the refresh's requests out of the log
  recorded = readFileSync(file(), 'utf8');
  return recorded;
}

interface DiffJson {
  drift: boolean;
  lastTransfer: boolean;
  entries: Array<{ key: string; status: string; changes?: unknown[]; error?: { code: string } }>;
}

describe('context diff', () => {
  test('no drift: exit 0, nothing on stdout, the file unchanged', async () => {
    // GIVEN
    const before = await record();
    // WHEN
    const run = await cli(['diff']);
    // THEN
    expectExit(run, 0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No drift: 3 compared lookups');
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  test('a changed service: tasks added, removed and changed, a stream added; exit 1 and nothing written', async () => {
    // GIVEN
    const before = await record();
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    await suite.emulator.addTask('orders', {
      taskName: 'orders-to-dws',
      state: 'RUNNING',
      destinationType: 'DWS',
    });
    await suite.emulator.removeTask('clicks', 'clicks-to-obs');
    // WHEN
    const run = await cli(['diff']);
    // THEN
    expectExit(run, 1);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header.split(/ {2,}/)).toEqual(['STREAM', 'NAME', 'DRIFT', 'RECORDED', 'LIVE']);
    expect(rows.map((r) => r.split(/ {2,}/))).toEqual([
      ['clicks', 'clicks-to-obs', 'task removed', 'RUNNING, OBS'],
      ['orders', 'orders-to-dli', 'state', 'RUNNING', 'PAUSED'],
      ['orders', 'orders-to-dws', 'task added', 'RUNNING, DWS'], // RECORDED is empty
    ]);
    expect(run.stderr).toContain('Drift in 2 of 3 compared lookups');
    expect(run.stderr).toContain(
      "`dis-transfer-tasks context refresh 'clicks' 'orders'` records the live state",
    );
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  test('--output json: every entry with its status and changes', async () => {
    // GIVEN
    await record();
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    // WHEN
    const run = await cli(['diff', '--output', 'json']);
    // THEN
    expectExit(run, 1);
    const json = JSON.parse(run.stdout) as DiffJson;
    expect(json.drift).toBe(true);
    expect(json.lastTransfer).toBe(false);
    expect(json.entries.map((e) => [e.key, e.status])).toEqual([
      [key('*'), 'same'],
      [key('clicks'), 'same'],
      [key('orders'), 'drift'],
    ]);
    expect(json.entries[2]).toMatchObject({
      fetchedAt: expect.any(String),
      ageSeconds: expect.any(Number),
      changes: [
        {
          change: 'changed',
          subject: 'task',
          name: 'orders-to-dli',
          field: 'state',
          recorded: 'RUNNING',
          live: 'PAUSED',
        },
      ],
    });
  });

  test('a recorded stream that no longer exists is drift; a new stream in the project is drift', async () => {
    // GIVEN
    await record();
    const contents = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, { streams?: string[] }>;
    writeFileSync(
      file(),
      JSON.stringify({
        ...contents,
        [key('retired')]: { ...contents[key('orders')], streams: undefined },
        [key('*')]: { ...contents[key('*')], streams: ['orders', 'retired'] },
      }),
    );
    // WHEN
    const run = await cli(['diff']);
    // THEN
    expectExit(run, 1);
    const rows = run.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((r) => r.split(/ {2,}/));
    expect(rows).toEqual([
      ['(all streams)', 'clicks', 'stream added'],
      ['(all streams)', 'retired', 'stream removed'],
      ['retired', 'stream no longer exists', '2 tasks'],
    ]);
  });

  test('the last transfer time is drift only with --include-last-transfer', async () => {
    // GIVEN a recorded last transfer an hour older than the service's
    await record();
    const contents = JSON.parse(readFileSync(file(), 'utf8')) as Record<
      string,
      { tasks?: Array<{ taskName: string; lastTransferTimestamp?: number }> }
    >;
    for (const t of contents[key('clicks')].tasks!)
      t.lastTransferTimestamp = t.lastTransferTimestamp! - 3_600_000;
    writeFileSync(file(), JSON.stringify(contents));
    // WHEN
    const plain = await cli(['diff', 'clicks']);
    const strict = await cli(['diff', 'clicks', '--include-last-transfer', '-o', 'json']);
    // THEN
    expectExit(plain, 0);
    expectExit(strict, 1);
    expect((JSON.parse(strict.stdout) as DiffJson).entries[0].changes).toEqual([
      expect.objectContaining({ name: 'clicks-to-obs', field: 'lastTransferTimestamp' }),
    ]);
  });

  test('selects entries by stream or key, and only fetches those', async () => {
    await record();
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    const run = await cli(['diff', 'clicks', key('*')]);
    expectExit(run, 0);
    const paths = (await suite.emulator.requestLog()).map((r) => r.path);
    expect(paths.some((p) => p.includes('/orders/'))).toBe(false);
  });

  test('without a cache file exits 2 naming the folder; a name that matches nothing exits 2', async () => {
    const none = await cli(['diff']);
    expectExit(none, 2);
    expect(none.stderr).toContain('[DIS_CONTEXT_FILE_MISSING]');
    expect(readdirSync(suite.tmp.dir)).toEqual([]);
    await record();
    const typo = await cli(['diff', 'ordres']);
    expectExit(typo, 2);
    expect(typo.stderr).toContain("matches 'ordres'");
  });

  test('a broken entry exits 2 with its key and the reset of that entry alone; the others are compared', async () => {
    // GIVEN
    await record();
    const contents = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    writeFileSync(file(), JSON.stringify({ ...contents, [key('clicks')]: { tasks: 'broken' } }));
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    // WHEN
    const run = await cli(['diff']);
    // THEN
    expectExit(run, 2);
    expect(run.stdout).toContain('orders-to-dli');
    expect(run.stderr).toContain(`Failed ${key('clicks')} [DIS_CONTEXT_VALUE_INVALID]`);
    expect(run.stderr).toContain(
      `\`dis-transfer-tasks context reset '${key('clicks')}'\` forgets this entry alone`,
    );
  });

  test('a failing service exits 3 and writes nothing', async () => {
    const before = await record();
    await suite.emulator.injectFault({ kind: 'serverError', route: '*', status: 503 });
    const run = await cli(['diff', '--timeout', '5s']);
    expectExit(run, 3);
    expect(run.stderr).toContain('[DIS_API_ERROR]');
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });
});

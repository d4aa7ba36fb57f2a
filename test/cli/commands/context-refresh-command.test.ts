import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, DEMO_SECRETS, tokenEnv } from '../support/demo-emulator';
import { expectExit, forbiddenValues, runCli } from '../support/run-cli';
import { useCommandSuite } from '../support/command-suite';

const key = (stream: string) => `dis-transfer-tasks:${DEMO.region}:${DEMO.projectId}:${stream}`;
const DAY_AGO = new Date(Date.now() - 86_400_000).toISOString();

function staleTasks(...names: string[]): Record<string, unknown> {
  const tasks = names.map((taskName) => ({
    taskName,
    state: 'PAUSED',
    destinationType: 'OBS',
    createTime: 0,
  }));
  return { fetchedAt: DAY_AGO, totalNumber: tasks.length, tasks, warnings: [] };
}

const suite = useCommandSuite({ tmp: true });
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

function readContext(): Record<
  string,
  { fetchedAt?: string; tasks?: Array<{ taskName: string; state: string }>; streams?: string[] }
> {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function refresh(args: string[] = []) {
  return runCli(['context', 'refresh', ...args], { env: tokenEnv(suite.emulator), cwd: suite.tmp.dir });
}

describe('context refresh', () => {
  test('re-fetches every lookup entry in place, stream lists included, and keeps other context', async () => {
    // WHEN
    const run = await refresh();
    // THEN
    expectExit(run, 0);
    const context = readContext();
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
    const context = readContext();
    expect(context[key('orders')].fetchedAt).not.toBe(DAY_AGO);
    expect(context[key('clicks')].fetchedAt).toBe(DAY_AGO);
    expect(context[key('*')].fetchedAt).toBe(DAY_AGO);
  });

  test('an entry whose stream is gone keeps its old value, the others are refreshed, exit 2', async () => {
    // GIVEN
    const context = readContext();
    writeFileSync(file, JSON.stringify({ ...context, [key('retired')]: staleTasks('retired-to-obs') }));
    // WHEN
    const run = await refresh();
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toMatch(new RegExp(`Failed ${key('retired')} \\[DIS_API_ERROR\\]: .*DIS\\.4301`));
    expect(run.stderr).toContain('Refreshed 3 of 4 lookup(s)');
    const after = readContext();
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

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allOutput,
  BIN,
  CANARY_SECRETS,
  expectExit,
  forbiddenValues,
  runCli,
  tempDir,
} from '../support/run-cli';
import { firstLine } from '../../client/bounded';

const PROJECT = '0123456789abcdef0123456789abcdef';

/** Starts `dis-transfer-tasks emulator ...args` and resolves once it printed its URL. */
async function startEmulatorBin(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
    env: { PATH: process.env.PATH ?? '', ...CANARY_SECRETS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await firstLine(child.stdout, 30_000, 'the emulator printed its URL').catch((e: Error) => {
    child.kill();
    throw new Error(`${e.message}\n--- stderr ---\n${stderr}`);
  });
  const stop = async (signal: NodeJS.Signals) => {
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    child.kill(signal);
    const [code] = await exited;
    allOutput.push(stdout, stderr);
    return { code, stdout, stderr };
  };
  return { url, stop };
}

async function listTasks(
  url: string,
  stream: string,
): Promise<{ status: number; body: { tasks?: Array<{ task_name: string; state: string }> } }> {
  const res = await fetch(`${url}/v2/${PROJECT}/streams/${stream}/transfer-tasks`, {
    headers: { 'X-Auth-Token': 'demo-token-0000' },
  });
  return {
    status: res.status,
    body: (await res.json()) as { tasks?: Array<{ task_name: string; state: string }> },
  };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.remove());
afterAll(() => {
  for (const secret of forbiddenValues([
    'demo-secret-key-0000000000000000000000000',
    'demo-password-0000',
    'demo-token-0000',
  ])) {
    expect(allOutput.join('\n')).not.toContain(secret);
  }
});

describe('emulator', () => {
  test('prints only its URL on stdout, serves the demo scenario, and stops cleanly on SIGTERM', async () => {
    // GIVEN
    const emulator = await startEmulatorBin([]);
    // WHEN
    const served = await listTasks(emulator.url, 'orders');
    const stopped = await emulator.stop('SIGTERM');
    // THEN
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(served.status).toBe(200);
    expect(served.body.tasks?.map((t) => [t.task_name, t.state]).sort()).toEqual([
      ['orders-to-dli', 'RUNNING'],
      ['orders-to-obs', 'RUNNING'],
    ]);
    expectExit(stopped, 0);
    expect(stopped.stdout).toBe(`${emulator.url}\n`);
    expect(stopped.stderr).toContain(`HW_DIS_ENDPOINT=${emulator.url}`);
    expect(stopped.stderr).toContain('DIS emulator stopped.');
  });

  test('--scenario demo-paused serves the shipped paused scenario and stops on SIGINT', async () => {
    const emulator = await startEmulatorBin(['--scenario', 'demo-paused']);
    const served = await listTasks(emulator.url, 'orders');
    const stopped = await emulator.stop('SIGINT');
    expect(served.body.tasks?.find((t) => t.task_name === 'orders-to-dli')?.state).toBe('PAUSED');
    expectExit(stopped, 0);
  });

  test('an invalid --port is a usage error (exit 2)', async () => {
    const run = await runCli(['emulator', '--port', '70000']);
    expectExit(run, 2);
    expect(run.stderr).toContain('--port must be a whole number from 0 to 65535');
    expect(run.stdout).toBe('');
  });

  test('a scenario file that is not valid is a configuration error (exit 2) naming the file', async () => {
    // GIVEN
    const file = join(tmp.dir, 'broken.json');
    writeFileSync(file, '{ "projects": 3 }');
    // WHEN
    const run = await runCli(['emulator', '--scenario', file]);
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toContain(file);
    expect(run.stdout).toBe('');
  });

  test('--help documents the scenario, port and admin options', async () => {
    const run = await runCli(['emulator', '--help']);
    expectExit(run, 0);
    expect(run.stdout).toMatch(/--scenario FILE +Scenario file, or demo \/ demo-paused/);
    expect(run.stdout).toContain('-p, --port N');
    expect(run.stdout).toContain('--admin');
  });
});

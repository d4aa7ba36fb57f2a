import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import {
  CANARIES,
  demoTasks,
  emulatorEnv,
  makeProject,
  REPO,
  run,
  scanForSecrets,
  synth,
} from './e2e-helpers';

// SYNTH enforcement end to end: a live lookup against the emulator (in a child process, since
// the lookup blocks this thread while synth runs), through app.synth() and the real cdktf CLI.
// The emulator is reset to its scenario (orders-to-dli PAUSED) before each test, and each test has
// a project folder of its own, so that any test can run alone.
const CDKTF = join(REPO, 'node_modules', '.bin', 'cdktf');
const config = { enforcement: 'SYNTH', lookupMode: 'refresh' };
let emu: EmulatorHandle;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulatorProcess({ scenario: join(REPO, 'scenarios', 'demo-paused.json') });
  // Token auth, plus canary AK/SK/password values the chain sees but must never write anywhere.
  env = { ...emulatorEnv(emu.url), HW_AUTH_TOKEN: 'demo-token-0000' };
});
beforeEach(async () => {
  await emu.reset();
  dir = makeProject();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
afterAll(() => emu?.stop());

describe('SYNTH enforcement against the emulator', () => {
  test('app.synth() exits non-zero with every finding while orders-to-dli is PAUSED', () => {
    const r = synth(dir, config, env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Validation failed with the following errors:');
    expect(r.stderr).toContain(
      '[demo/Gate] DIS transfer task gate failed for orders: 1 error, 0 warnings, 0 acknowledged.',
    );
    expect(r.stderr).toContain(
      'ERROR DIS-TASK-STATE: task orders/orders-to-dli is PAUSED; allowed: RUNNING. [state PAUSED, destination DLI, last transfer',
    );
    // The report is written beside the stack even though synth failed.
    const report = JSON.parse(
      readFileSync(join(dir, 'cdktf.out/stacks/demo/dis-gate.Gate.report.json'), 'utf8'),
    );
    expect(report).toMatchObject({
      healthy: false,
      enforcement: 'synth',
      streams: [{ streamName: 'orders', source: 'api' }],
    });
  });

  test('cdktf synth exits non-zero with the findings', () => {
    const r = run(CDKTF, ['synth'], dir, { ...env, GATE_APP_CONFIG: JSON.stringify(config) });
    expect(r.status).not.toBe(0);
    const out = `${r.stdout}\n${r.stderr}`;
    expect(out).toContain('DIS-TASK-STATE: task orders/orders-to-dli is PAUSED; allowed: RUNNING.');
  });

  test('after the task is resumed through the emulator API, both pass and write a healthy report', async () => {
    await emu.setTaskState('orders', 'orders-to-dli', 'RUNNING');
    const r = run(CDKTF, ['synth'], dir, { ...env, GATE_APP_CONFIG: JSON.stringify(config) });
    expect(r.status).toBe(0);
    expect(synth(dir, config, env).status).toBe(0);
    const report = JSON.parse(
      readFileSync(join(dir, 'cdktf.out/stacks/demo/dis-gate.Gate.report.json'), 'utf8'),
    );
    expect(report).toMatchObject({ healthy: true, findings: [] });
  });

  test('no secret reaches the synth output, the report or the context cache', async () => {
    // GIVEN a synth that failed on the paused task, and one that passed after it was resumed
    expect(synth(dir, config, env).status).toBe(1);
    await emu.setTaskState('orders', 'orders-to-dli', 'RUNNING');
    const passed = synth(dir, config, env);
    expect(passed.status).toBe(0);
    // THEN nothing they wrote holds a secret, and the search read the stack, the report and the cache
    const scan = scanForSecrets(dir, [...Object.values(CANARIES), 'demo-token-0000']);
    expect(scan.scanned).toEqual(
      expect.arrayContaining([
        'cdktf.context.json',
        'cdktf.out/stacks/demo/cdk.tf.json',
        'cdktf.out/stacks/demo/dis-gate.Gate.report.json',
      ]),
    );
    expect(scan.hits).toEqual([]);
  });
});

describe('SYNTH enforcement of the snapshot age, through the real cdktf CLI', () => {
  test('a snapshot recorded three days ago fails cdktf synth, naming the stream, its fetch time and the fix', () => {
    const project = makeProject();
    try {
      const fetchedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
      const stale = { enforcement: 'SYNTH', fetchedAt, cached: demoTasks('RUNNING') };
      const r = run(CDKTF, ['synth'], project, { GATE_APP_CONFIG: JSON.stringify(stale) });
      expect(r.status).not.toBe(0);
      const out = `${r.stdout}\n${r.stderr}`.replace(/\s+/g, ' ');
      expect(out).toContain(
        `DIS-SNAPSHOT-AGE: the snapshot of stream orders was fetched at ${fetchedAt} (cache), 3d ago; the gate accepts snapshots up to 1d old.`,
      );
      expect(out).toContain('Refresh it (npx dis-transfer-tasks context refresh)');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

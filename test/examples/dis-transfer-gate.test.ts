import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';

const ROOT = resolve(__dirname, '..', '..');
const cdktfJson = JSON.parse(readFileSync(join(ROOT, 'cdktf.json'), 'utf8')) as {
  app: string;
  terraformProviders: string[];
};

/**
 * Runs cdktf.json's `app` command as `cdktf synth` does (through a shell, in the root folder)
 * against `emu`, with its output and context cache in `work`.
 */
function runExample(emu: EmulatorHandle, work: string, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...emu.endpointEnv,
    HW_REGION_NAME: 'cn-north-4',
    HW_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    HW_ACCESS_KEY: 'DEMOAK0000000000000A',
    HW_SECRET_KEY: 'demo-secret-key-0000000000000000000000000',
    CDKTF_OUTDIR: join(work, 'cdktf.out'),
    DIS_LOOKUP_CONTEXT_FILE: join(work, 'cdktf.context.json'),
    ...extraEnv,
  };
  const result = spawnSync(cdktfJson.app, { shell: true, cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the example app run by the root cdktf.json', () => {
  let emulator: EmulatorHandle;
  let work: string;

  beforeAll(async () => {
    emulator = await startEmulatorProcess({ scenario: join(ROOT, 'scenarios', 'demo.json') });
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'dis-example-'));
  });
  afterEach(async () => {
    rmSync(work, { recursive: true, force: true });
    await emulator.reset();
  });

  function synth(extraEnv: Record<string, string> = {}) {
    return runExample(emulator, work, extraEnv);
  }

  function stackJson() {
    return JSON.parse(
      readFileSync(join(work, 'cdktf.out', 'stacks', 'dis-transfer-gate', 'cdk.tf.json'), 'utf8'),
    );
  }

  it('pins the huaweicloud provider that `npm run get` and `cdktf get` generate', () => {
    expect(cdktfJson.terraformProviders).toEqual(['huaweicloud/huaweicloud@1.67.0']);
  });

  it('references the looked-up task names in outputs and in the stream resource', () => {
    const { status, output } = synth();
    expect(output).not.toContain('demo-secret-key');
    expect(status).toBe(0);
    const stack = stackJson();
    const names = [...stack.output['transfer-task-names'].value].sort();
    expect(names).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(stack.output['transfer-task-states'].value).toEqual({
      'orders-to-obs': { state: 'RUNNING', destination: 'OBS' },
      'orders-to-dli': { state: 'RUNNING', destination: 'DLI' },
    });
    const stream = stack.resource.huaweicloud_dis_stream.stream;
    expect(stream.stream_name).toBe('orders');
    expect(stream.tags['transfer-tasks'].split('.').sort()).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(stack.terraform.required_providers.huaweicloud).toEqual({
      source: 'registry.terraform.io/huaweicloud/huaweicloud',
      version: '1.67.0',
    });
    expect(JSON.stringify(stack)).not.toContain('demo-secret-key');
  });

  it('reads another stream when DIS_EXAMPLE_STREAM names it', () => {
    const { status } = synth({ DIS_EXAMPLE_STREAM: 'clicks' });
    expect(status).toBe(0);
    expect(stackJson().output['transfer-task-names'].value).toEqual(['clicks-to-obs']);
  });

  it('fails synth with the gate finding when a task is paused', async () => {
    await emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    const { status, output } = synth();
    expect(status).not.toBe(0);
    expect(output).toMatch(/DIS-TASK-STATE/);
    expect(output).toMatch(/orders-to-dli/);
    expect(output).not.toContain('demo-secret-key');
  });
});

describe('the first deploy of a stream the example stack creates, then the second', () => {
  // The deploy itself (terraform apply with the huaweicloud provider) cannot run offline; what it
  // changes in DIS is played by the emulator: the stream appears, then a task is created on it.
  // Each test has a folder and an emulator of its own, so that either runs alone or first: the
  // second deploy starts where the first left off (nothing recorded for the stream), by itself.
  const STREAM = 'orders-archive';
  let work: string;
  let emulator: EmulatorHandle | undefined;

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'dis-example-first-'));
  });
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
    rmSync(work, { recursive: true, force: true });
  });

  /** The demo account, plus the stream the stack creates once it has been deployed. */
  function scenario(withStream: boolean): string {
    const demo = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'demo.json'), 'utf8'));
    delete demo.$schema;
    if (withStream) demo.projects[0].streams.push({ name: STREAM, createTime: Date.now(), tasks: [] });
    const file = join(work, `scenario-${withStream}.json`);
    writeFileSync(file, JSON.stringify(demo));
    return file;
  }

  /** Runs the example against `emu` with its stream set to the one it creates. */
  function synth(emu: EmulatorHandle, extraEnv: Record<string, string> = {}) {
    return runExample(emu, work, { DIS_EXAMPLE_STREAM: STREAM, ...extraEnv });
  }

  /** What the last successful synth wrote: the stack, the gate's reports and the warnings. */
  function written() {
    const stackDir = join(work, 'cdktf.out', 'stacks', 'dis-transfer-gate');
    const read = (file: string) => JSON.parse(readFileSync(join(stackDir, file), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(work, 'cdktf.out', 'manifest.json'), 'utf8'));
    return {
      stack: read('cdk.tf.json'),
      report: read('dis-gate.transfer-tasks-gate.report.json'),
      sarif: read('dis-gate.transfer-tasks-gate.report.sarif'),
      warnings: manifest.stacks['dis-transfer-gate'].annotations
        .filter((a: { level: string }) => a.level === '@cdktf/warn')
        .map((a: { message: string }) => a.message),
    };
  }

  const recorded = () => {
    const file = join(work, 'cdktf.context.json');
    return existsSync(file) ? Object.keys(JSON.parse(readFileSync(file, 'utf8'))) : [];
  };

  it('first deploy: the stream is absent, synth passes with a warning, nothing is recorded', async () => {
    emulator = await startEmulatorProcess({ scenario: scenario(false) });
    const run = synth(emulator);
    expect(run.status).toBe(0);
    expect(run.output).not.toContain('demo-secret-key');
    const first = written();
    expect(first.warnings).toEqual([
      expect.stringContaining(
        `WARN  DIS-STREAM-ABSENT: stream ${STREAM} does not exist yet in project 0123456789abcdef0123456789abcdef (cn-north-4), so none of its tasks could be checked; the gate checks minTasks (1) once it exists.`,
      ),
    ]);
    expect(first.report).toMatchObject({
      healthy: true,
      streams: [{ streamName: STREAM, streamExists: false }],
    });
    expect(first.stack.output['transfer-task-names'].value).toEqual([]);
    expect(first.stack.resource.huaweicloud_dis_stream.stream.stream_name).toBe(STREAM);
    expect(
      first.sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]),
    ).toEqual([['DIS-STREAM-ABSENT', 'warning']]);
    expect(recorded().filter((k) => k.endsWith(`:${STREAM}`))).toEqual([]);
  });

  it('second deploy: the stream exists and its new task is looked up, recorded and gated', async () => {
    // GIVEN the first deploy created the stream (and recorded nothing), then a task was created on it
    emulator = await startEmulatorProcess({ scenario: scenario(true) });
    await emulator.addTask(STREAM, {
      taskName: 'archive-to-obs',
      state: 'RUNNING',
      destinationType: 'OBS',
      lastTransferTimestamp: Date.now() - 60_000,
    });
    // WHEN synth runs again, THEN the gate evaluates the task and passes
    expect(synth(emulator).status).toBe(0);
    const second = written();
    expect(second.warnings).toEqual([]);
    expect(second.report).toMatchObject({
      healthy: true,
      streams: [{ streamName: STREAM, streamExists: true }],
    });
    expect(second.stack.output['transfer-task-names'].value).toEqual(['archive-to-obs']);
    expect(recorded()).toContain(`dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:${STREAM}`);
    // AND a paused task now fails the gate: the stream is checked like any other
    await emulator.setTaskState(STREAM, 'archive-to-obs', 'PAUSED');
    const paused = synth(emulator, { DIS_LOOKUP_MODE: 'refresh' });
    expect(paused.status).not.toBe(0);
    expect(paused.output).toContain(`DIS-TASK-STATE: task ${STREAM}/archive-to-obs is PAUSED`);
  });
});

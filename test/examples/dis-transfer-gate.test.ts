import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';

const ROOT = resolve(__dirname, '..', '..');
const cdktfJson = JSON.parse(readFileSync(join(ROOT, 'cdktf.json'), 'utf8')) as {
  app: string;
  terraformProviders: string[];
};

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

  /** Runs cdktf.json's `app` command as `cdktf synth` does: through a shell, in the root folder. */
  function synth(extraEnv: Record<string, string> = {}) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...emulator.endpointEnv,
      HW_REGION_NAME: 'cn-north-4',
      HW_PROJECT_ID: '0123456789abcdef0123456789abcdef',
      HW_ACCESS_KEY: 'DEMOAK0000000000000A',
      HW_SECRET_KEY: 'demo-secret-key-0000000000000000000000000',
      CDKTF_OUTDIR: join(work, 'cdktf.out'),
      DIS_LOOKUP_CONTEXT_FILE: join(work, 'cdktf.context.json'),
      ...extraEnv,
    };
    const result = spawnSync(cdktfJson.app, {
      shell: true,
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
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

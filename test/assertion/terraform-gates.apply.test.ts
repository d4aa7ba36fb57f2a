import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { CANARIES, emulatorEnv, filesContaining, makeProject, REPO, run, synth } from './e2e-helpers';

// APPLY enforcement with the real terraform binary, offline: the gate re-checks the tasks live
// against the emulator (child process) on every `terraform apply`, with credentials taken from
// the environment of the apply only.
// The package's own CLI, built: `<cliCommand> check --gate-file …` runs `dis-transfer-tasks check`.
const CLI = join(REPO, 'lib', 'cli', 'main.js');
const AK = 'DEMOAK0000000000000A';
const SK = 'demo-secret-key-0000000000000000000000000';
let emu: EmulatorHandle;
let dir: string;
let stackDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulatorProcess({ scenario: join(REPO, 'scenarios', 'demo.json') });
  dir = makeProject();
  stackDir = join(dir, 'cdktf.out', 'stacks', 'demo');
  env = { ...emulatorEnv(emu.url), HW_ACCESS_KEY: AK, HW_SECRET_KEY: SK };
  delete env.HW_AUTH_TOKEN;
  delete env.HW_SECURITY_TOKEN;
  const config = {
    enforcement: 'APPLY',
    lookupMode: 'live',
    dependent: true,
    props: { cliCommand: `"${process.execPath}" "${CLI}"`, requiredTasks: ['orders-to-obs'] },
  };
  const s = synth(dir, config, env);
  if (s.status !== 0) throw new Error(`synth failed: ${s.stderr}`);
});
afterAll(async () => {
  await emu?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function terraform(...args: string[]): ReturnType<typeof run> {
  return run('terraform', [...args, '-input=false', '-no-color'], stackDir, env);
}

function stateList(): string {
  const r = run('terraform', ['state', 'list'], stackDir, env);
  if (r.status !== 0) throw new Error(`terraform state list failed: ${r.stderr}`);
  return r.stdout;
}

describe('APPLY enforcement with terraform and the emulator', () => {
  test('init needs no provider; plan succeeds and shows the gate', () => {
    expect(terraform('init').status).toBe(0);
    const plan = terraform('plan', '-lock=false');
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain('terraform_data.Gate_');
  });

  test('apply fails when a task is paused in the emulator after synth, and nothing behind the gate deploys', async () => {
    await emu.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    const apply = terraform('apply', '-auto-approve');
    expect(apply.status).toBe(1);
    const out = `${apply.stdout}\n${apply.stderr}`;
    expect(out).toContain('local-exec provisioner error');
    expect(out).toContain('ERROR DIS-TASK-STATE: task orders/orders-to-dli is PAUSED; allowed: RUNNING.');
    expect(stateList()).not.toContain('terraform_data.app');
  });

  test('apply succeeds once the task is resumed, and re-runs the check on the next apply', async () => {
    await emu.setTaskState('orders', 'orders-to-dli', 'RUNNING');
    const apply = terraform('apply', '-auto-approve');
    expect(apply.stderr).toBe('');
    expect(apply.status).toBe(0);
    expect(apply.stdout).toContain('DIS transfer task gate passed for orders');
    expect(stateList()).toContain('terraform_data.app');

    const again = terraform('apply', '-auto-approve');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("Provisioning with 'local-exec'");
    expect(again.stdout).toContain('DIS transfer task gate passed for orders');
  });

  test('the live checks were AK/SK-signed: credentials came from the environment of the apply', async () => {
    const checks = (await emu.requestLog()).filter(
      (e) => e.route !== 'unknown' && e.path.endsWith('/streams/orders/transfer-tasks'),
    );
    // One request by the lookup at synth, then one per apply.
    expect(checks.length).toBeGreaterThanOrEqual(4);
    expect(checks.map((e) => [e.credentialKind, e.status])).toEqual(checks.map(() => ['aksk', 200]));
  });

  test('no secret is in the synthesized JSON, the gate file, the report or the state', () => {
    const state = readFileSync(join(dir, 'terraform.demo.tfstate'), 'utf8');
    expect(state).toContain('dis-gate.Gate.gate.json');
    for (const secret of [SK, ...Object.values(CANARIES)]) expect(filesContaining(dir, secret)).toEqual([]);
  });
});

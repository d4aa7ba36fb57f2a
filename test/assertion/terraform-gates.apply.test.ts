import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import {
  CANARIES,
  emulatorEnv,
  REPO,
  run,
  scanForSecrets,
  terraformProject,
  type TerraformProject,
} from './e2e-helpers';

// APPLY enforcement with the real terraform binary, offline: the gate re-checks the tasks live
// against the emulator (child process) on every `terraform apply`, with credentials taken from
// the environment of the apply only. The emulator is shared and reset before each test; each test
// synthesizes and initializes a project of its own, so that any test can run alone.
// The package's own CLI, built: `<cliCommand> check --gate-file …` runs `dis-transfer-tasks check`.
const CLI = join(REPO, 'lib', 'cli', 'main.js');
const AK = 'DEMOAK0000000000000A';
const SK = 'demo-secret-key-0000000000000000000000000';
const config = {
  enforcement: 'APPLY',
  lookupMode: 'live',
  dependent: true,
  props: { cliCommand: `"${process.execPath}" "${CLI}"`, requiredTasks: ['orders-to-obs'] },
};
let emu: EmulatorHandle;
let env: Record<string, string>;
const projects: TerraformProject[] = [];

beforeAll(async () => {
  emu = await startEmulatorProcess({ scenario: join(REPO, 'scenarios', 'demo.json') });
  env = { ...emulatorEnv(emu.url), HW_ACCESS_KEY: AK, HW_SECRET_KEY: SK };
  delete env.HW_AUTH_TOKEN;
  delete env.HW_SECURITY_TOKEN;
});
beforeEach(() => emu.reset());
afterEach(() => {
  for (const p of projects.splice(0)) rmSync(p.dir, { recursive: true, force: true });
});
afterAll(() => emu?.stop());

/** A project synthesized (one live lookup, while every task runs) and initialized, for this test. */
function project(): TerraformProject {
  const p = terraformProject(config, env);
  projects.push(p);
  return p;
}

function stateList(p: TerraformProject): string {
  const r = run('terraform', ['state', 'list'], p.stackDir, env);
  if (r.status !== 0) throw new Error(`terraform state list failed: ${r.stderr}`);
  return r.stdout;
}

/** The ListTransferTasks requests of stream orders the emulator answered since its last reset. */
async function ordersChecks() {
  return (await emu.requestLog()).filter(
    (e) => e.route !== 'unknown' && e.path.endsWith('/streams/orders/transfer-tasks'),
  );
}

describe('APPLY enforcement with terraform and the emulator', () => {
  test('init needs no provider; plan succeeds and shows the gate', () => {
    const { terraform } = project();
    const plan = terraform('plan', '-lock=false');
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain('terraform_data.Gate_');
  });

  test('apply fails when a task is paused in the emulator after synth, and nothing behind the gate deploys', async () => {
    const p = project();
    await emu.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    const apply = p.terraform('apply', '-auto-approve');
    expect(apply.status).toBe(1);
    const out = `${apply.stdout}\n${apply.stderr}`;
    expect(out).toContain('local-exec provisioner error');
    expect(out).toContain('ERROR DIS-TASK-STATE: task orders/orders-to-dli is PAUSED; allowed: RUNNING.');
    expect(stateList(p)).not.toContain('terraform_data.app');
  });

  test('apply succeeds once the task is resumed, and re-runs the check on the next apply', async () => {
    // GIVEN an apply that failed while the task was paused
    const p = project();
    await emu.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    expect(p.terraform('apply', '-auto-approve').status).toBe(1);
    // WHEN the task is resumed
    await emu.setTaskState('orders', 'orders-to-dli', 'RUNNING');
    const apply = p.terraform('apply', '-auto-approve');
    // THEN the apply passes the gate and deploys what is behind it
    expect({ status: apply.status, stderr: apply.stderr }).toEqual({ status: 0, stderr: '' });
    expect(apply.stdout).toContain('DIS transfer task gate passed for orders');
    expect(stateList(p)).toContain('terraform_data.app');
    // AND the next apply runs the check again
    const again = p.terraform('apply', '-auto-approve');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("Provisioning with 'local-exec'");
    expect(again.stdout).toContain('DIS transfer task gate passed for orders');
  });

  test('the lookup at synth and the check of each apply are one AK/SK-signed request each: credentials came from the environment of the apply', async () => {
    // GIVEN a synth (one request by the lookup) WHEN terraform applies twice
    const p = project();
    expect(p.terraform('apply', '-auto-approve').status).toBe(0);
    expect(p.terraform('apply', '-auto-approve').status).toBe(0);
    // THEN the emulator answered exactly three requests, each signed with the AK/SK of the environment
    const checks = await ordersChecks();
    expect(checks.map((e) => [e.credentialKind, e.status])).toEqual([
      ['aksk', 200],
      ['aksk', 200],
      ['aksk', 200],
    ]);
  });

  test('no secret is in the synthesized JSON, the gate file, the report or the state', () => {
    const p = project();
    const apply = p.terraform('apply', '-auto-approve');
    expect(apply.status).toBe(0);
    const state = readFileSync(join(p.dir, 'terraform.demo.tfstate'), 'utf8');
    expect(state).toContain('dis-gate.Gate.gate.json');
    // the search read this test's stack, gate file, report and state
    const scan = scanForSecrets(p.dir, [SK, ...Object.values(CANARIES)]);
    expect(scan.scanned).toEqual(
      expect.arrayContaining([
        'cdktf.out/stacks/demo/cdk.tf.json',
        'cdktf.out/stacks/demo/dis-gate.Gate.gate.json',
        'cdktf.out/stacks/demo/dis-gate.Gate.report.json',
        'terraform.demo.tfstate',
      ]),
    );
    expect(scan.hits).toEqual([]);
  });
});

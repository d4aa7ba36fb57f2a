import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  CANARIES,
  DEMO_FETCHED_AT,
  demoTasks,
  makeProject,
  run,
  scanForSecrets,
  synth,
  terraformProject,
  type TerraformProject,
} from './e2e-helpers';

// PLAN enforcement with the real terraform binary, offline: no provider, no network. Each test
// synthesizes and initializes a project of its own, so that any test can run alone and in any order.
const reason = 'known ${var.outage} window, ticket %{OPS-1234}';
const projects: TerraformProject[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) rmSync(p.dir, { recursive: true, force: true });
});

/** A project synthesized with `config` (and the canaries in the environment) and initialized. */
function project(config: object): TerraformProject {
  const p = terraformProject(config, CANARIES);
  projects.push(p);
  return p;
}

function config(dliState: string): object {
  return {
    enforcement: 'PLAN',
    fetchedAt: DEMO_FETCHED_AT,
    tasks: demoTasks(dliState),
    dependent: true,
    props: { minTasks: 3, acknowledgements: [{ ruleId: 'DIS-MIN-TASKS', task: '*', reason }] },
  };
}

describe('PLAN enforcement with terraform', () => {
  test('synth succeeds on a failing snapshot, and terraform plan fails with the findings', () => {
    const { dir, terraform } = project(config('RUNNING'));
    const s = synth(dir, config('PAUSED'), CANARIES);
    expect({ status: s.status, stderr: s.stderr }).toEqual({ status: 0, stderr: '' });
    const plan = terraform('plan', '-lock=false');
    expect(plan.status).toBe(1);
    const out = plan.stderr.replace(/\s+/g, ' ');
    expect(out).toContain('Error: Resource precondition failed');
    expect(out).toContain('DIS transfer task gate failed for orders: 1 error, 0 warnings, 1 acknowledged.');
    expect(out).toContain('ERROR DIS-TASK-STATE: task orders/orders-to-dli is PAUSED; allowed: RUNNING.');
    // The acknowledgement reason stays literal: terraform did not try to interpolate it.
    expect(out).toContain(`Acknowledged: ${reason}`);
  });

  test('a passing snapshot plans and applies clean; the state holds the snapshot and no secret', () => {
    const { dir, terraform } = project(config('RUNNING'));
    expect(terraform('plan', '-lock=false', '-detailed-exitcode').status).toBe(2);
    const apply = terraform('apply', '-auto-approve');
    expect({ status: apply.status, stderr: apply.stderr }).toEqual({ status: 0, stderr: '' });
    const statePath = join(dir, 'terraform.demo.tfstate');
    expect(existsSync(statePath)).toBe(true);
    expect(readFileSync(statePath, 'utf8')).toContain('orders-to-dli');
    expect(terraform('plan', '-lock=false', '-detailed-exitcode').status).toBe(0);
    // the search read this test's synthesized stack, its gate report and the state it applied
    const scan = scanForSecrets(dir, Object.values(CANARIES));
    expect(scan.scanned).toEqual(
      expect.arrayContaining([
        'cdktf.out/stacks/demo/cdk.tf.json',
        'cdktf.out/stacks/demo/dis-gate.Gate.report.json',
        'terraform.demo.tfstate',
      ]),
    );
    expect(scan.hits).toEqual([]);
  });

  test('after an apply, a task that pauses later fails the next plan (preconditions run on every plan)', () => {
    // GIVEN a stack applied while every task ran
    const { dir, terraform } = project(config('RUNNING'));
    const apply = terraform('apply', '-auto-approve');
    expect({ status: apply.status, stderr: apply.stderr }).toEqual({ status: 0, stderr: '' });
    expect(terraform('plan', '-lock=false', '-detailed-exitcode').status).toBe(0);
    // WHEN the task pauses and the next synth records it
    expect(synth(dir, config('PAUSED'), CANARIES).status).toBe(0);
    // THEN the next plan fails on the precondition
    const plan = terraform('plan', '-lock=false');
    expect(plan.status).toBe(1);
    expect(plan.stderr).toContain('Resource precondition failed');
  });

  test('HCL output (cdktf synth --hcl) renders the precondition as a block that terraform accepts', () => {
    const hclDir = makeProject();
    try {
      expect(synth(hclDir, config('PAUSED'), { SYNTH_HCL_OUTPUT: 'true' }).status).toBe(0);
      const hclStack = join(hclDir, 'cdktf.out', 'stacks', 'demo');
      expect(readFileSync(join(hclStack, 'cdk.tf'), 'utf8')).toContain('precondition {');
      expect(run('terraform', ['init', '-input=false', '-no-color'], hclStack).status).toBe(0);
      const plan = run('terraform', ['plan', '-input=false', '-no-color', '-lock=false'], hclStack);
      expect(plan.status).toBe(1);
      const out = plan.stderr.replace(/\s+/g, ' ');
      expect(out).toContain('Error: Resource precondition failed');
      expect(out).toContain(`Acknowledged: ${reason}`);
    } finally {
      rmSync(hclDir, { recursive: true, force: true });
    }
  });
});

describe('PLAN enforcement: the snapshot age, measured again at plan time', () => {
  const DAY = 86_400_000;
  /** A synth that ran an hour after a fetch `fetchedDaysAgo` days before now, from the context cache. */
  function staleConfig(fetchedDaysAgo: number, props: object = {}): object {
    const fetched = Date.now() - fetchedDaysAgo * DAY;
    return {
      enforcement: 'PLAN',
      fetchedAt: new Date(fetched).toISOString(),
      cached: demoTasks('RUNNING'),
      now: new Date(fetched + 3_600_000).toISOString(),
      props,
    };
  }

  test('a plan days after synth refuses the snapshot that synth accepted', () => {
    // GIVEN a synth that ran an hour after the fetch, three days ago: fresh then, so it passed
    const { synthesized: s, terraform } = project(staleConfig(3));
    expect({ status: s.status, stderr: s.stderr }).toEqual({ status: 0, stderr: '' });
    // WHEN terraform plans it now
    const plan = terraform('plan', '-lock=false');
    // THEN the precondition measured the age at plan time and names stream, fetch time and fix
    expect(plan.status).toBe(1);
    const out = plan.stderr.replace(/\s+/g, ' ');
    expect(out).toContain('Error: Resource precondition failed');
    expect(out).toMatch(
      /DIS-SNAPSHOT-AGE: at plan time \(\d{4}-\d\d-\d\dT[\d:.]+Z\), the snapshot of orders \(fetched \d{4}-\d\d-\d\dT[\d:.]+Z\) is older than 1d, the most the gate accepts/,
    );
    expect(out).toContain('Fix: Refresh the recorded snapshots (npx dis-transfer-tasks context refresh)');
  });

  test('a recent snapshot plans clean; ignoreSnapshotAge accepts an old one explicitly', () => {
    const { dir, terraform } = project({ ...staleConfig(0.5), now: undefined });
    expect(terraform('plan', '-lock=false', '-detailed-exitcode').status).toBe(2);
    expect(synth(dir, staleConfig(3, { ignoreSnapshotAge: true }), CANARIES).status).toBe(0);
    expect(terraform('plan', '-lock=false', '-detailed-exitcode').status).toBe(2);
  });

  test('HCL output (cdktf synth --hcl) carries the plan-time check too', () => {
    const hclDir = makeProject();
    try {
      expect(synth(hclDir, staleConfig(3), { SYNTH_HCL_OUTPUT: 'true' }).status).toBe(0);
      const hclStack = join(hclDir, 'cdktf.out', 'stacks', 'demo');
      expect(readFileSync(join(hclStack, 'cdk.tf'), 'utf8')).toContain('plantimestamp()');
      expect(run('terraform', ['init', '-input=false', '-no-color'], hclStack).status).toBe(0);
      const plan = run('terraform', ['plan', '-input=false', '-no-color', '-lock=false'], hclStack);
      expect(plan.status).toBe(1);
      expect(plan.stderr.replace(/\s+/g, ' ')).toContain('DIS-SNAPSHOT-AGE: at plan time');
    } finally {
      rmSync(hclDir, { recursive: true, force: true });
    }
  });
});

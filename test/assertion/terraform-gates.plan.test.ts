import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  CANARIES,
  DEMO_FETCHED_AT,
  demoTasks,
  filesContaining,
  makeProject,
  run,
  synth,
} from './e2e-helpers';

// PLAN enforcement with the real terraform binary, offline: no provider, no network.
const reason = 'known ${var.outage} window, ticket %{OPS-1234}';
let dir: string;
let stackDir: string;

beforeAll(() => {
  dir = makeProject();
  stackDir = join(dir, 'cdktf.out', 'stacks', 'demo');
  // One terraform init for the file (no provider: terraform_data is built in); each test then
  // synthesizes its own app into the same folder, so that any test can run alone.
  expect(synth(dir, config('RUNNING')).status).toBe(0);
  expect(terraform('init').status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(dliState: string): object {
  return {
    enforcement: 'PLAN',
    fetchedAt: DEMO_FETCHED_AT,
    tasks: demoTasks(dliState),
    dependent: true,
    props: { minTasks: 3, acknowledgements: [{ ruleId: 'DIS-MIN-TASKS', task: '*', reason }] },
  };
}

function terraform(...args: string[]): ReturnType<typeof run> {
  return run('terraform', [...args, '-input=false', '-no-color'], stackDir);
}

describe('PLAN enforcement with terraform', () => {
  test('synth succeeds on a failing snapshot, and terraform plan fails with the findings', () => {
    const s = synth(dir, config('PAUSED'), CANARIES);
    expect(s.stderr).toBe('');
    expect(s.status).toBe(0);
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
    expect(synth(dir, config('RUNNING'), CANARIES).status).toBe(0);
    expect(terraform('plan', '-lock=false', '-detailed-exitcode').status).toBe(2);
    const apply = terraform('apply', '-auto-approve');
    expect(apply.stderr).toBe('');
    expect(apply.status).toBe(0);
    const statePath = join(dir, 'terraform.demo.tfstate');
    expect(existsSync(statePath)).toBe(true);
    expect(readFileSync(statePath, 'utf8')).toContain('orders-to-dli');
    expect(terraform('plan', '-lock=false', '-detailed-exitcode').status).toBe(0);
    for (const secret of Object.values(CANARIES)) expect(filesContaining(dir, secret)).toEqual([]);
  });

  test('after an apply, a task that pauses later fails the next plan (preconditions run on every plan)', () => {
    expect(synth(dir, config('PAUSED'), CANARIES).status).toBe(0);
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
    const s = synth(dir, staleConfig(3), CANARIES);
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
    expect(synth(dir, { ...staleConfig(0.5), now: undefined }, CANARIES).status).toBe(0);
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

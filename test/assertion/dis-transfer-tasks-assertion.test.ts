import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  DisTransferTasksAssertion,
  Enforcement,
  resolveEnforcement,
  type DisTransferTasksAssertionProps,
} from '../../src/assertion/dis-transfer-tasks-assertion';
import { Duration } from '../../src/lookup/duration';
import { GateSeverity } from '../../src/assertion/gate-rules';
import { DisError } from '../../src/client/errors';
import { demo, lookupOf } from './gate-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized JSON and reports are walked freely in assertions
type Json = any;

const reason = 'tracked in OPS-1234, resumes after the DLI migration';
let outdir: string;

beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), 'dis-assertion-'));
});
afterEach(() => rmSync(outdir, { recursive: true, force: true }));

function setup(): { app: App; stack: TerraformStack } {
  const app = new App({ outdir, stackTraces: false });
  return { app, stack: new TerraformStack(app, 'demo') };
}

function synthJson(app: App): Json {
  app.synth();
  return JSON.parse(readFileSync(join(outdir, 'stacks/demo/cdk.tf.json'), 'utf8'));
}

function annotations(): { level: string; message: string }[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  return manifest.stacks.demo.annotations.map((a: { level: string; message: string }) => ({
    level: a.level,
    message: a.message,
  }));
}

function report(name = 'dis-gate.Gate.report.json'): Json {
  return JSON.parse(readFileSync(join(outdir, 'stacks/demo', name), 'utf8'));
}

const PAUSED_TEXT = [
  'DIS transfer task gate failed for orders, clicks: 1 error, 0 warnings, 0 acknowledged.',
  '  ERROR DIS-TASK-STATE: task orders/orders-to-dli is PAUSED; allowed: RUNNING. [state PAUSED, destination DLI, last transfer 30s before fetch] Fix: Start the task again (DIS console, stream orders, Dump Management), or add PAUSED to allowedStates.',
].join('\n');

describe('DisTransferTasksAssertion', () => {
  test('refuses to be created outside a stack, where cdktf would skip it', () => {
    const app = new App({ outdir });
    let caught: unknown;
    try {
      new DisTransferTasksAssertion(app, 'Gate', { lookup: lookupOf(demo()) });
    } catch (e) {
      caught = e;
    }
    expect(DisError.isDisError(caught)).toBe(true);
    expect((caught as DisError).code).toBe('DIS_ASSERTION_SCOPE');
    expect((caught as Error).message).toBe(
      "DIS_ASSERTION_SCOPE: DisTransferTasksAssertion Gate is not inside a TerraformStack, where cdktf would silently skip its checks. Create it with a stack (or a construct inside one) as its scope: new DisTransferTasksAssertion(stack, 'Gate', { lookup }).",
    );
  });

  test('works inside a construct nested in a stack, with a unique report name', () => {
    const { app, stack } = setup();
    new DisTransferTasksAssertion(new Construct(stack, 'Team'), 'Gate', { lookup: lookupOf(demo()) });
    synthJson(app);
    expect(report('dis-gate.Team.Gate.report.json').healthy).toBe(true);
  });

  test('refuses unresolved tokens in its props', () => {
    const { stack } = setup();
    const v = new TerraformVariable(stack, 'task', { type: 'string' });
    expect(
      () =>
        new DisTransferTasksAssertion(stack, 'Gate', {
          lookup: lookupOf(demo()),
          requiredTasks: [v.stringValue],
        }),
    ).toThrow(
      'The prop requiredTasks[0] of DisTransferTasksAssertion demo/Gate holds an unresolved Terraform token, but the gate is evaluated while synth runs. Pass literal values (for example the task names as strings) instead of attributes of resources.',
    );
  });

  test('refuses a token at any depth of its props and names the path to it', () => {
    const { stack } = setup();
    const v = new TerraformVariable(stack, 'reason', { type: 'string' });
    const refused = (props: Partial<DisTransferTasksAssertionProps>): string => {
      try {
        new DisTransferTasksAssertion(new Construct(stack, `Gate${stack.node.children.length}`), 'Gate', {
          lookup: lookupOf(demo()),
          ...props,
        });
      } catch (e) {
        expect((e as DisError).code).toBe('DIS_GATE_CONFIG_INVALID');
        return (e as Error).message
          .split(' of DisTransferTasksAssertion')[0]
          .replace(/^DIS_GATE_CONFIG_INVALID: /, '');
      }
      return 'accepted';
    };
    const ack = { ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason };
    // A field of an acknowledgement, a whole list, a number
    expect(refused({ acknowledgements: [ack, { ...ack, reason: v.stringValue }] })).toBe(
      'The prop acknowledgements[1].reason',
    );
    expect(refused({ ignoreTasks: v.listValue })).toBe('The prop ignoreTasks');
    expect(refused({ minTasks: v.numberValue })).toBe('The prop minTasks');
    // Deeper than the props' types go (JavaScript callers are not type-checked): still refused
    const nested = { ...ack, expires: { at: [`${v.stringValue}-12-31`] } } as unknown as typeof ack;
    expect(refused({ acknowledgements: [nested] })).toBe('The prop acknowledgements[0].expires.at[0]');
    // The lookup's data and a Duration are not searched; literal props pass
    expect(refused({ maxTransferLag: Duration.minutes(5), acknowledgements: [ack] })).toBe('accepted');
  });

  describe('SYNTH (default)', () => {
    test('app.synth() fails with one message listing every finding, and still writes the report', () => {
      const { app, stack } = setup();
      new DisTransferTasksAssertion(stack, 'Gate', { lookup: lookupOf(demo('PAUSED')) });
      expect(() => app.synth()).toThrow(
        `Validation failed with the following errors:\n  [demo/Gate] ${PAUSED_TEXT}\n\nIf you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.`,
      );
      const r = report();
      expect(r).toMatchObject({
        constructPath: 'demo/Gate',
        enforcement: 'synth',
        formatVersion: 1,
        healthy: false,
        summary: { errors: 1 },
      });
      expect(r.findings[0]).toMatchObject({
        ruleId: 'DIS-TASK-STATE',
        streamName: 'orders',
        taskName: 'orders-to-dli',
        severity: 'error',
      });
    });

    test('lists every finding of every rule in the one message', () => {
      const { app, stack } = setup();
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        requiredTasks: ['orders-to-dws'],
        destinationTypes: ['OBS'],
        maxTransferLag: Duration.seconds(10),
      });
      let message = '';
      try {
        app.synth();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message.match(/ {2}ERROR DIS-[A-Z-]+/g)).toEqual([
        '  ERROR DIS-TASK-STATE',
        '  ERROR DIS-TASK-REQUIRED',
        '  ERROR DIS-DESTINATION-TYPE',
        '  ERROR DIS-TRANSFER-LAG',
        '  ERROR DIS-TRANSFER-LAG',
        '  ERROR DIS-TRANSFER-LAG',
      ]);
    });

    test('a healthy snapshot synthesizes, adds no resource, and reports healthy', () => {
      const { app, stack } = setup();
      const gate = new DisTransferTasksAssertion(stack, 'Gate', { lookup: lookupOf(demo()) });
      const json = synthJson(app);
      expect(json.resource).toBeUndefined();
      expect(gate.gate).toBeUndefined();
      expect(report()).toMatchObject({
        healthy: true,
        findings: [],
        streams: [{ streamName: 'orders' }, { streamName: 'clicks' }],
      });
      expect(annotations()).toEqual([]);
    });

    test('an acknowledged finding passes, is marked in the report and shown as info', () => {
      const { app, stack } = setup();
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason }],
      });
      synthJson(app);
      expect(report().findings[0].acknowledgedReason).toBe(reason);
      expect(report().acknowledgements[0]).toMatchObject({ status: 'active', matchedFindings: 1 });
      expect(annotations()).toEqual([
        { level: '@cdktf/info', message: expect.stringContaining(`Acknowledged: ${reason}`) },
      ]);
    });

    test('a reason-less acknowledgement fails synth itself', () => {
      const { app, stack } = setup();
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason: 'ok' }],
      });
      expect(() => app.synth()).toThrow(
        /ERROR DIS-ACK-INVALID: the acknowledgement of DIS-TASK-STATE for orders-to-dli is invalid: its reason "ok" is shorter than 10 characters/,
      );
    });

    test('severity WARNING turns the failure into a warning annotation', () => {
      const { app, stack } = setup();
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        severity: GateSeverity.WARNING,
      });
      synthJson(app);
      expect(annotations()).toEqual([
        {
          level: '@cdktf/warn',
          message: expect.stringContaining('WARN  DIS-TASK-STATE: task orders/orders-to-dli is PAUSED'),
        },
      ]);
      expect(report().healthy).toBe(true);
    });
  });

  describe('PLAN', () => {
    test('synth succeeds with a warning and a terraform_data whose precondition references the snapshot', () => {
      const { app, stack } = setup();
      const gate = new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        enforcement: Enforcement.PLAN,
      });
      const json = synthJson(app);
      const [local] = Object.keys(json.locals);
      const resourceId = gate.gate!.friendlyUniqueId;
      expect(json.resource.terraform_data[resourceId]).toMatchObject({
        input: `\${local.${local}}`,
        lifecycle: {
          precondition: [{ condition: `\${local.${local}.errors == 0}`, error_message: PAUSED_TEXT }],
        },
      });
      expect(json.locals[local]).toMatchObject({
        healthy: false,
        errors: 1,
        streams: [
          {
            stream: 'orders',
            tasks: [
              { name: 'orders-to-dli', state: 'PAUSED', destination_type: 'DLI' },
              { name: 'orders-to-obs' },
            ],
          },
          { stream: 'clicks' },
        ],
      });
      expect(json.provider).toBeUndefined();
      expect(annotations()).toEqual([
        {
          level: '@cdktf/warn',
          message: `${PAUSED_TEXT}\nterraform plan fails on terraform_data.${resourceId} while any error remains.`,
        },
      ]);
    });

    test('template syntax in a reason stays literal in the error message', () => {
      const { app, stack } = setup();
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        enforcement: Enforcement.PLAN,
        minTasks: 9,
        acknowledgements: [{ ruleId: 'DIS-MIN-TASKS', task: '*', reason: 'see ${var.x} and %{if true}' }],
      });
      const json = synthJson(app);
      const message: string = Object.values<Json>(json.resource.terraform_data)[0].lifecycle.precondition[0]
        .error_message;
      expect(message).toContain('Acknowledged: see $${var.x} and %%{if true}');
    });

    test('other resources can depend on the gate', () => {
      const { app, stack } = setup();
      const gate = new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo()),
        enforcement: Enforcement.PLAN,
      });
      const { TerraformData } = jest.requireActual('../../src/assertion/terraform-gates');
      new TerraformData(stack, 'app', { input: 'x', dependsOn: [gate.gate!] });
      const json = synthJson(app);
      expect(json.resource.terraform_data.app.depends_on).toEqual([
        `terraform_data.${gate.gate!.friendlyUniqueId}`,
      ]);
    });
  });

  describe('APPLY', () => {
    test('writes a credential-free gate file and a local-exec that runs the CLI check on every apply', () => {
      const { app, stack } = setup();
      const gate = new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo()),
        enforcement: Enforcement.APPLY,
        requiredTasks: ['orders-to-obs'],
        maxTransferLag: Duration.minutes(15),
      });
      const json = synthJson(app);
      expect(gate.gateFileName).toBe('dis-gate.Gate.gate.json');
      expect(json.resource.terraform_data[gate.gate!.friendlyUniqueId]).toMatchObject({
        triggers_replace: '${timestamp()}',
        provisioner: [
          {
            'local-exec': {
              // the default cliCommand: this checkout's built CLI (test/assertion/cli-command.test.ts)
              command: `node "${join(__dirname, '..', '..', 'lib', 'cli', 'main.js')}" check --gate-file "dis-gate.Gate.gate.json"`,
            },
          },
        ],
      });
      expect(JSON.parse(readFileSync(join(outdir, 'stacks/demo/dis-gate.Gate.gate.json'), 'utf8'))).toEqual({
        formatVersion: 1,
        constructPath: 'demo/Gate',
        target: {
          region: 'cn-north-4',
          projectId: '0123456789abcdef0123456789abcdef',
          streams: ['orders', 'clicks'],
        },
        rules: { requiredTasks: ['orders-to-obs'], maxTransferLagSeconds: 900 },
      });
    });

    test('a project-wide lookup with an endpoint checks every stream there; cliCommand is configurable', () => {
      const { app, stack } = setup();
      const lookup = { ...lookupOf(demo(), true), endpoint: 'http://127.0.0.1:9999' };
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup,
        enforcement: Enforcement.APPLY,
        cliCommand: 'node /opt/cli.js',
      });
      const json = synthJson(app);
      expect(Object.values<Json>(json.resource.terraform_data)[0].provisioner[0]['local-exec'].command).toBe(
        'node /opt/cli.js check --gate-file "dis-gate.Gate.gate.json"',
      );
      expect(
        JSON.parse(readFileSync(join(outdir, 'stacks/demo/dis-gate.Gate.gate.json'), 'utf8')).target,
      ).toEqual({
        region: 'cn-north-4',
        projectId: '0123456789abcdef0123456789abcdef',
        allStreams: true,
        endpoint: 'http://127.0.0.1:9999',
      });
    });

    test('in a Python, Java, C# or Go app without dis-transfer-tasks on PATH: the bare name, and a warning', () => {
      const saved = { agent: process.env.JSII_AGENT, path: process.env.PATH };
      process.env.JSII_AGENT = 'Java/17.0.9';
      process.env.PATH = join(outdir, 'no-such-bin');
      try {
        const { app, stack } = setup();
        const gate = new DisTransferTasksAssertion(stack, 'Gate', {
          lookup: lookupOf(demo()),
          enforcement: Enforcement.APPLY,
        });
        const json = synthJson(app);
        expect(
          json.resource.terraform_data[gate.gate!.friendlyUniqueId].provisioner[0]['local-exec'].command,
        ).toBe('dis-transfer-tasks check --gate-file "dis-gate.Gate.gate.json"');
        expect(annotations()).toEqual([
          {
            level: '@cdktf/warn',
            message: expect.stringMatching(/^The APPLY gate runs `dis-transfer-tasks check`.*set cliCommand/),
          },
        ]);
      } finally {
        for (const [name, value] of [
          ['JSII_AGENT', saved.agent],
          ['PATH', saved.path],
        ] as const) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    });

    test('a failing snapshot at synth is a warning: the live check decides at apply', () => {
      const { app, stack } = setup();
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        enforcement: Enforcement.APPLY,
      });
      synthJson(app);
      expect(annotations()).toEqual([
        {
          level: '@cdktf/warn',
          message: `${PAUSED_TEXT}\nterraform apply re-checks the tasks live and fails while any error remains.`,
        },
      ]);
    });
  });

  describe('WARN', () => {
    test('findings become a warning only; nothing is added to the stack', () => {
      const { app, stack } = setup();
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        enforcement: Enforcement.WARN,
      });
      const json = synthJson(app);
      expect(json.resource).toBeUndefined();
      expect(annotations()).toEqual([{ level: '@cdktf/warn', message: PAUSED_TEXT }]);
      expect(report()).toMatchObject({ enforcement: 'warn', healthy: false });
    });
  });

  test('Testing.synth with validations reports the same failure', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'demo');
    new DisTransferTasksAssertion(stack, 'Gate', { lookup: lookupOf(demo('PAUSED')) });
    expect(() => Testing.synth(stack, true)).toThrow(PAUSED_TEXT);
  });

  describe('operator override', () => {
    afterEach(() => {
      delete process.env.DIS_GATE_ENFORCEMENT;
    });

    test('DIS_GATE_ENFORCEMENT=WARN lets a failing SYNTH gate through for one run, and says so', () => {
      process.env.DIS_GATE_ENFORCEMENT = 'WARN';
      const { app, stack } = setup();
      const gate = new DisTransferTasksAssertion(stack, 'Gate', { lookup: lookupOf(demo('PAUSED')) });
      synthJson(app);
      expect([gate.enforcement, gate.enforcementFrom]).toEqual([Enforcement.WARN, 'env']);
      expect(annotations()).toEqual([
        {
          level: '@cdktf/info',
          message:
            'Enforcement warn set by the environment variable DIS_GATE_ENFORCEMENT (the prop says nothing, default synth).',
        },
        { level: '@cdktf/warn', message: PAUSED_TEXT },
      ]);
      expect(report()).toMatchObject({ enforcement: 'warn', enforcementFrom: 'env' });
    });

    test('context can make every gate stricter', () => {
      const app = new App({
        outdir,
        stackTraces: false,
        context: { 'dis-transfer-tasks:enforcement': 'SYNTH' },
      });
      const stack = new TerraformStack(app, 'demo');
      new DisTransferTasksAssertion(stack, 'Gate', {
        lookup: lookupOf(demo('PAUSED')),
        enforcement: Enforcement.WARN,
      });
      expect(() => app.synth()).toThrow(PAUSED_TEXT);
    });
  });
});

describe('what synth loads', () => {
  // Runs in a fresh `node` against the built package, as an app would.
  const CHILD = `
const { App, TerraformStack } = require('cdktf');
const [lib, outdir] = process.argv.slice(1);
const dis = require(lib);
const app = new App({ outdir, stackTraces: false });
const stack = new TerraformStack(app, 'demo');
const snapshot = { streamName: 'orders', projectId: '0123456789abcdef0123456789abcdef', region: 'cn-north-4',
  fetchedAt: '2026-11-28T12:00:00.000Z', source: 'context', totalNumber: 1, warnings: [],
  tasks: [{ taskName: 'orders-to-obs', state: 'RUNNING', destinationType: 'OBS', createTime: 0 }] };
const lookup = { allStreams: false, region: snapshot.region, projectId: snapshot.projectId, snapshots: [snapshot] };
new dis.DisTransferTasksAssertion(stack, 'Gate', { lookup, enforcement: dis.Enforcement.APPLY, minTasks: 1 });
app.synth();
const loaded = Object.keys(require.cache).map((p) => p.split('\\\\').join('/'));
process.stdout.write(JSON.stringify(['zod', 'undici'].filter((m) => loaded.some((p) => p.includes('/node_modules/' + m + '/')))));
`;

  test('an apply gate writes and checks its gate file without loading zod or undici', () => {
    // GIVEN an app with an APPLY gate, whose gate file is validated when it is written
    // WHEN a fresh process synthesizes it from the built package
    const r = spawnSync(process.execPath, ['-e', CHILD, join(__dirname, '../../lib/index.js'), outdir], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NODE_PATH: join(__dirname, '../../node_modules') },
    });
    // THEN the gate file is there, and neither package was loaded
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(readFileSync(join(outdir, 'stacks/demo/dis-gate.Gate.gate.json'), 'utf8')).toContain(
      '"minTasks": 1',
    );
  });
});

function stack(context: Record<string, unknown> = {}): TerraformStack {
  return new TerraformStack(Testing.app({ context }), 'demo');
}

describe('resolveEnforcement', () => {
  test('defaults to synth, then takes the prop', () => {
    expect(resolveEnforcement(stack(), undefined, {})).toEqual({
      value: Enforcement.SYNTH,
      from: 'default',
      where: 'the default',
    });
    expect(resolveEnforcement(stack(), Enforcement.PLAN, {})).toEqual({
      value: Enforcement.PLAN,
      from: 'prop',
      where: 'the `enforcement` prop of demo',
    });
  });

  test('context beats the prop, and the environment beats both (case-insensitive)', () => {
    const s = stack({ 'dis-transfer-tasks:enforcement': 'apply' });
    expect(resolveEnforcement(s, Enforcement.PLAN, {})).toEqual({
      value: Enforcement.APPLY,
      from: 'context',
      where: 'cdktf context "dis-transfer-tasks:enforcement"',
    });
    expect(resolveEnforcement(s, Enforcement.PLAN, { DIS_GATE_ENFORCEMENT: 'Warn' })).toEqual({
      value: Enforcement.WARN,
      from: 'env',
      where: 'the environment variable DIS_GATE_ENFORCEMENT',
    });
  });

  test('values are lower case and matched ignoring case, so upper-case settings keep working', () => {
    expect(Object.values(Enforcement)).toEqual(['synth', 'plan', 'apply', 'warn']);
    expect(resolveEnforcement(stack(), undefined, { DIS_GATE_ENFORCEMENT: 'WARN' }).value).toBe(
      Enforcement.WARN,
    );
    expect(
      resolveEnforcement(stack({ 'dis-transfer-tasks:enforcement': 'APPLY' }), undefined, {}).value,
    ).toBe(Enforcement.APPLY);
    expect(resolveEnforcement(stack(), 'PLAN' as Enforcement, {}).value).toBe(Enforcement.PLAN);
  });

  test('an empty environment variable is ignored', () => {
    expect(resolveEnforcement(stack(), Enforcement.PLAN, { DIS_GATE_ENFORCEMENT: '' }).from).toBe('prop');
  });

  test('an unknown value names where it was set, with a coded error', () => {
    expect(() => resolveEnforcement(stack(), undefined, { DIS_GATE_ENFORCEMENT: 'off' })).toThrow(
      '"off" in the environment variable DIS_GATE_ENFORCEMENT is not a valid enforcement: use one of synth, plan, apply, warn.',
    );
    expect(() => resolveEnforcement(stack({ 'dis-transfer-tasks:enforcement': 3 }), undefined, {})).toThrow(
      '3 in cdktf context "dis-transfer-tasks:enforcement" is not a valid enforcement: use one of synth, plan, apply, warn.',
    );
    let caught: unknown;
    try {
      resolveEnforcement(stack(), 'NEVER' as Enforcement, {});
    } catch (e) {
      caught = e;
    }
    expect((caught as DisError).code).toBe('DIS_GATE_CONFIG_INVALID');
    expect((caught as Error).message).toBe(
      'DIS_GATE_CONFIG_INVALID: "NEVER" in the `enforcement` prop of demo is not a valid enforcement: use one of synth, plan, apply, warn.',
    );
  });
});

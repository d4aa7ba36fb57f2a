import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import {
  cdktfAppAssemblies,
  consoleScriptSource,
  enumValue,
  JsiiError,
  JsiiKernel,
  type ObjRef,
  struct,
} from './jsii-kernel';
import { ROOT } from './shared-pack';

// A Python (or Java, C#, Go) cdktf app without the language: the test talks to the jsii kernel
// over its protocol exactly as those runtimes do, with the packed package, against the emulator in
// a child process. The lookup's worker thread runs inside the kernel's node process.

const PKG = 'cdktf-dis-transfer-tasks';
const PROJECT = '0123456789abcdef0123456789abcdef';
const SECRET = 'demo-secret-key-0000000000000000000000000';
const KERNEL_CACHE = join(ROOT, 'node_modules', '.cache', 'cdktf-dis-transfer-tasks', 'jsii-runtime');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The environment of a host process: no inherited HW_* or DIS_* settings, the emulator's account. */
function hostEnv(emulator: EmulatorHandle, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(HW_|OS_|HUAWEICLOUD_SDK_|DIS_|JSII_|npm_)/.test(name)) env[name] = value;
  }
  delete env.TF_CLI_CONFIG_FILE;
  return {
    ...env,
    ...emulator.endpointEnv,
    CHECKPOINT_DISABLE: '1',
    HW_REGION_NAME: 'cn-north-4',
    HW_PROJECT_ID: PROJECT,
    HW_ACCESS_KEY: 'DEMOAK0000000000000A',
    HW_SECRET_KEY: SECRET,
    JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
    // a warm cache of unpacked packages, inside this checkout: loads take 0.5 s instead of 3 s;
    // entries of earlier builds unused for a day are removed
    JSII_RUNTIME_PACKAGE_CACHE_ROOT: KERNEL_CACHE,
    JSII_RUNTIME_PACKAGE_CACHE_TTL: '1',
    ...extra,
  };
}

describe('the package in a Python cdktf app, through the jsii kernel', () => {
  let work: string;
  let venvBin: string;
  let emulator: EmulatorHandle;
  let kernel: JsiiKernel;
  let app: ObjRef;
  let pipeline: ObjRef;
  let outdir: string;
  let apps = 0;
  const lookupProps = (data: Record<string, unknown>) => struct(`${PKG}.DisTransferTasksProps`, data);
  const LIVE = enumValue(`${PKG}.LookupMode`, 'LIVE');

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dis-jsii-host-'));
    mkdirSync(join(work, 'app'));
    // what `pip install` puts in the virtual environment's bin/: the package's console script
    venvBin = join(work, 'venv', 'bin');
    mkdirSync(venvBin, { recursive: true });
    writeFileSync(join(venvBin, 'dis-transfer-tasks'), consoleScriptSource());
    chmodSync(join(venvBin, 'dis-transfer-tasks'), 0o755);
    emulator = await startEmulatorProcess({ scenario: join(ROOT, 'scenarios', 'demo.json') });
    kernel = await JsiiKernel.start(
      join(work, 'app'),
      hostEnv(emulator, { JSII_AGENT: 'Python/3.11.7', PATH: `${venvBin}:${process.env.PATH}` }),
    );
    for (const a of cdktfAppAssemblies()) await kernel.load(a.name, a.version, a.tarball);
  }, 120_000);

  // One kernel for the file (it loads the assemblies once); each test builds an app of its own,
  // with its own output folder, so that no test synthesizes what another one added.
  beforeEach(async () => {
    outdir = join(work, `app-${++apps}.out`);
    app = await kernel.create('cdktf.App', [struct('cdktf.AppConfig', { outdir })]);
    pipeline = await kernel.create('cdktf.TerraformStack', [app, 'pipeline']);
  });

  afterAll(async () => {
    await kernel?.close();
    await emulator?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('loads the assemblies of constructs, cdktf and this package, dependencies first', async () => {
    expect(kernel.hello).toMatch(/^@jsii\/runtime@1\./);
    const assembly = JSON.parse(readFileSync(join(ROOT, '.jsii'), 'utf8'));
    // loading again answers from the kernel's table: the package and every type of its assembly
    const ours = cdktfAppAssemblies()[2];
    expect(await kernel.load(ours.name, ours.version, ours.tarball)).toEqual({
      assembly: PKG,
      types: Object.keys(assembly.types).length,
    });
  });

  it('looks the tasks up live, in the worker inside the kernel, and reads them back through the protocol', async () => {
    const before = (await emulator.requestLog()).length;
    const orders = await kernel.create(`${PKG}.DisTransferTasks`, [
      pipeline,
      'orders',
      lookupProps({ streamName: 'orders', mode: LIVE }),
    ]);
    expect(await kernel.get(orders, 'taskNames')).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(await kernel.get(orders, 'source')).toBe('api');
    expect(await kernel.get(orders, 'streamName')).toBe('orders');
    // a struct returned from JavaScript comes back by reference; its fields are read one by one
    const task = await kernel.invoke<ObjRef>(orders, 'findTask', ['orders-to-obs']);
    expect(await kernel.get(task, 'state')).toBe('RUNNING');
    expect(await kernel.get(task, 'destinationType')).toBe('OBS');
    const log = (await emulator.requestLog()).slice(before);
    expect(log.map((r) => `${r.method} ${r.path}`)).toContainEqual(
      expect.stringMatching(/^GET .*\/streams\/orders\/transfer-tasks/),
    );
  });

  it('adds a PLAN gate and synthesizes its precondition with the snapshot', async () => {
    const lookup = await kernel.create(`${PKG}.DisTransferTasks`, [
      pipeline,
      'clicks',
      lookupProps({ streamName: 'clicks', mode: LIVE }),
    ]);
    const gate = await kernel.create(`${PKG}.DisTransferTasksAssertion`, [
      pipeline,
      'gate',
      struct(`${PKG}.DisTransferTasksAssertionProps`, {
        lookup,
        enforcement: enumValue(`${PKG}.Enforcement`, 'PLAN'),
        requiredTasks: ['clicks-to-obs'],
      }),
    ]);
    const report = await kernel.get<ObjRef>(gate, 'report');
    expect(await kernel.get(report, 'healthy')).toBe(true);
    const resource = await kernel.get<ObjRef>(gate, 'gate');
    const resourceId = await kernel.get<string>(resource, 'friendlyUniqueId');

    await kernel.invoke(app, 'synth');
    const json: Json = JSON.parse(readFileSync(join(outdir, 'stacks', 'pipeline', 'cdk.tf.json'), 'utf8'));
    const data = json.resource.terraform_data[resourceId];
    const [local] = Object.keys(json.locals);
    expect(data.input).toBe(`\${local.${local}}`);
    expect(data.lifecycle.precondition).toContainEqual(
      expect.objectContaining({ condition: `\${local.${local}.errors == 0}` }),
    );
    expect(json.locals[local]).toMatchObject({ healthy: true, errors: 0 });
    expect(json.locals[local].streams).toContainEqual(
      expect.objectContaining({
        stream: 'clicks',
        tasks: [expect.objectContaining({ name: 'clicks-to-obs' })],
      }),
    );
    expect(JSON.stringify(json)).not.toContain(SECRET);
  });

  it('raises errors in the host language as their message, the code first', async () => {
    // thrown by a constructor: the error as it is
    const missing = await kernel
      .create(`${PKG}.DisTransferTasks`, [pipeline, 'gone', lookupProps({ streamName: 'gone', mode: LIVE })])
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(JsiiError);
    const { error, errorName, stackText } = missing as JsiiError;
    expect(errorName).toBe('DisLookupFailedError');
    expect(error).toMatch(/^DIS_LOOKUP_FAILED: \[pipeline\/gone\] Could not look up .*DIS\.4301/s);
    expect(`${error}${stackText}`).not.toContain(SECRET);

    // thrown by a getter or a static method: the kernel adds the class name in front
    const offline = await kernel.create(`${PKG}.DisTransferTasks`, [
      pipeline,
      'not-recorded',
      lookupProps({ streamName: 'orders', mode: enumValue(`${PKG}.LookupMode`, 'OFFLINE') }),
    ]);
    const read = await kernel.get(offline, 'snapshot').catch((e: unknown) => e);
    expect((read as JsiiError).errorName).toBe('@jsii/kernel.RuntimeError');
    expect((read as JsiiError).error).toMatch(/^DisLookupMissingError: DIS_LOOKUP_MISSING: /);
    const duration = await kernel.sinvoke(`${PKG}.Duration`, 'minutes', [-1]).catch((e: unknown) => e);
    expect((duration as JsiiError).error).toMatch(
      /^DisConfigError: DIS_CONFIG_ERROR: Duration\.minutes\(-1\)/,
    );

    // the pattern the README gives for matching a code in any language
    for (const e of [missing, read, duration] as JsiiError[]) {
      expect(e.error).toMatch(/^(?:\w+: )?(DIS_[A-Z_]+): /);
    }
  });

  it("runs the APPLY gate's default command, the Python console script, when terraform applies", async () => {
    const applyApp = await kernel.create('cdktf.App', [
      struct('cdktf.AppConfig', { outdir: join(work, 'apply.out') }),
    ]);
    const stack = await kernel.create('cdktf.TerraformStack', [applyApp, 'gated']);
    const lookup = await kernel.create(`${PKG}.DisTransferTasks`, [
      stack,
      'orders',
      lookupProps({ streamName: 'orders', mode: LIVE }),
    ]);
    await kernel.create(`${PKG}.DisTransferTasksAssertion`, [
      stack,
      'gate',
      struct(`${PKG}.DisTransferTasksAssertionProps`, {
        lookup,
        enforcement: enumValue(`${PKG}.Enforcement`, 'APPLY'),
      }),
    ]);
    await kernel.invoke(applyApp, 'synth');
    const stackDir = join(work, 'apply.out', 'stacks', 'gated');
    const json: Json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
    const command: string = Object.values<Json>(json.resource.terraform_data)[0].provisioner[0]['local-exec']
      .command;
    // the console script by its absolute path: the kernel's package folder is gone by apply time
    expect(command).toBe(
      `"${join(venvBin, 'dis-transfer-tasks')}" check --gate-file "dis-gate.gate.gate.json"`,
    );

    // terraform runs without the virtual environment on PATH, as `cdktf deploy` started from a
    // shell where it is not active would
    const env = hostEnv(emulator, {});
    const terraform = (...args: string[]) =>
      spawnSync('terraform', [...args, '-input=false', '-no-color'], {
        cwd: stackDir,
        env,
        encoding: 'utf8',
      });
    expect(terraform('init').status).toBe(0);
    const healthy = terraform('apply', '-auto-approve');
    expect(healthy.stdout).toContain('DIS transfer task gate passed for orders');
    expect(healthy.status).toBe(0);

    await emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    try {
      const paused = terraform('apply', '-auto-approve');
      expect(paused.status).toBe(1);
      expect(paused.stdout + paused.stderr).toMatch(/DIS-TASK-STATE: task orders\/orders-to-dli is PAUSED/);
      for (const text of [healthy.stdout, healthy.stderr, paused.stdout, paused.stderr]) {
        expect(text).not.toContain(SECRET);
      }
    } finally {
      await emulator.reset();
    }
  }, 120_000);
});

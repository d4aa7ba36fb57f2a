import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as api from '../../src';
import * as emulatorApi from '../../src/emulator';
import * as errorsApi from '../../src/errors';
import * as gateApi from '../../src/gate';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { PROJECT_ID, REGION, REPO_ROOT } from './helpers';

// Pins decision 0003: loading the package and serving lookups from cdktf context or the cache file
// loads neither undici, zod nor synckit; the client's own entry point does load them (so the check
// can fail).

const HEAVY = ['undici', 'zod', 'synckit'] as const;
type Loaded = Record<(typeof HEAVY)[number], boolean>;

interface ChildReport {
  readonly sources: string[];
  readonly fetchError: string;
  readonly stages: Record<'loaded' | 'synthesized' | 'clientLoaded' | 'fetched', Loaded>;
}

// Runs in a fresh `node` against the built package, as an app would.
const CHILD = `
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const [lib, dir, region, projectId] = process.argv.slice(1);
const HEAVY = ${JSON.stringify(HEAVY)};
const stages = {};
const stage = (name) => {
  const paths = Object.keys(require.cache).map((p) => p.split('\\\\').join('/'));
  stages[name] = Object.fromEntries(HEAVY.map((m) => [m, paths.some((p) => p.includes('/node_modules/' + m + '/'))]));
};
const { App, TerraformStack } = require('cdktf');
const dis = require(lib);
stage('loaded');
const task = (taskName) => ({ taskName, state: 'RUNNING', destinationType: 'OBS', createTime: 0 });
const fromContext = dis.TransferTasksContext.entry({ region, projectId, streamName: 'orders', tasks: [task('orders-to-obs')] });
const cached = dis.TransferTasksContext.entry({ region, projectId, streamName: 'clicks', tasks: [task('clicks-to-obs')] });
const contextFile = join(dir, 'cdktf.context.json');
writeFileSync(contextFile, JSON.stringify({ [cached.key]: cached.value }, null, 2) + '\\n');
const app = new App({ outdir: join(dir, 'out'), context: dis.TransferTasksContext.toContext(fromContext) });
const stack = new TerraformStack(app, 'stack');
const props = { region, projectId, contextFile, mode: dis.LookupMode.OFFLINE };
const orders = new dis.DisTransferTasks(stack, 'Orders', { ...props, streamName: 'orders', outputs: true });
const clicks = new dis.DisTransferTasks(stack, 'Clicks', { ...props, streamName: 'clicks' });
new dis.DisTransferTasksAssertion(stack, 'Gate', { lookup: orders });
new dis.DisTransferTasksAssertion(stack, 'PlanGate', { lookup: clicks, enforcement: dis.Enforcement.PLAN });
new dis.DisTransferTasksAssertion(stack, 'ApplyGate', { lookup: clicks, enforcement: dis.Enforcement.APPLY });
app.synth();
stage('synthesized');
const { DisClient } = require(join(lib, '..', 'client'));
stage('clientLoaded');
const client = new DisClient({
  region, projectId, endpoint: 'http://127.0.0.1:9', allowInsecureHttp: true,
  credentials: { authToken: 'token-for-an-endpoint-that-refuses' }, retry: { maxAttempts: 1 }, env: {},
});
client.listTransferTasks('orders').then(
  () => { throw new Error('expected the request to fail'); },
  (e) => {
    stage('fetched');
    process.stdout.write(JSON.stringify({ sources: [orders.source, clicks.source], fetchError: e.code, stages }));
  },
);
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dis-synth-path-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `script` in a fresh `node` in `dir`, as an app would run, and parses what it printed. */
function runNode<T>(script: string, args: string[], env: Record<string, string> = {}): T {
  const r = spawnSync(process.execPath, ['-e', script, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      NODE_PATH: join(REPO_ROOT, 'node_modules'),
      CI: '1',
      CHECKPOINT_DISABLE: '1',
      ...env,
    },
  });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  return JSON.parse(r.stdout) as T;
}

function runChild(): ChildReport {
  return runNode(CHILD, [join(REPO_ROOT, 'lib', 'index.js'), dir, REGION, PROJECT_ID]);
}

const NONE: Loaded = { undici: false, zod: false, synckit: false };

test('loading the package and synthesizing lookups from context and the cache file, with every kind of gate, loads no undici, zod or synckit', () => {
  // GIVEN one lookup served from cdktf context, one from the cache file, a synth, a plan and an
  // apply gate (whose gate file is checked by the gate's own validator, not by zod)
  // WHEN a fresh process loads the built package and synthesizes them
  const report = runChild();
  // THEN the lookups were served as intended, and none of the three packages was loaded
  expect(report.sources).toEqual(['context', 'cache']);
  expect(report.stages.loaded).toEqual(NONE);
  expect(report.stages.synthesized).toEqual(NONE);
  // AND the client, which the package root does not load, brings undici and zod with it
  expect(report.stages.clientLoaded).toEqual({ undici: true, zod: true, synckit: false });
  expect(report.fetchError).toBe('DIS_NETWORK_ERROR');
  expect(report.stages.fetched).toEqual({ undici: true, zod: true, synckit: false });
});

test('the entry points export no zod schema: they stay in their own modules, for the parsers', () => {
  // GIVEN the package's exports, read through every entry point
  const names = [api, emulatorApi, gateApi, errorsApi].flatMap((entry) => Object.keys(entry));
  // THEN none is a schema, while the functions that parse with them are there
  expect(names.filter((n) => /^[A-Z]\w*Schema$/.test(n))).toEqual([]);
  expect(names).toEqual(expect.arrayContaining(['parseScenario', 'parseGateFile', 'scenarioJsonSchema']));
});

// ---------------------------------------------------------------------------------------------
// Issue 9: how many of our files a cache-miss lookup runs on the main thread before it hands over
// to the worker. Measured with V8's precise coverage (call counts) in a fresh `node` that builds
// one lookup served by the emulator: a file counts when one of its functions ran in the window
// (its top level, which runs when the module loads, does not count: a module loaded but not
// called, such as an error class not thrown, is not on the path). The window opens just before
// `new DisTransferTasks(...)` and closes when the synckit worker is called; a second window runs
// from there until the constructor returns. Files are those of lib/, named by their src/ source.

interface PathReport {
  readonly source: string;
  readonly taskNames: string[];
  readonly untilWorker: string[];
  readonly afterWorker: string[];
}

const PATH_CHILD = `
const inspector = require('node:inspector');
const { join, relative } = require('node:path');
const [lib, dir] = process.argv.slice(1);
const session = new inspector.Session();
session.connect();
const post = (method, params) => {
  let out;
  session.post(method, params, (error, result) => {
    if (error) throw error;
    out = result;
  });
  return out;
};
post('Profiler.enable');
post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
// Files of lib/ with a function (other than the top level, at offset 0) called since the last take.
const ran = () =>
  post('Profiler.takePreciseCoverage')
    .result.filter((s) => s.url.startsWith('file://' + lib + '/'))
    .filter((s) => s.functions.some((f) => f.ranges[0].startOffset > 0 && f.ranges[0].count > 0))
    .map((s) => relative(lib, s.url.slice('file://'.length)).replace(/\\.js$/, '.ts'))
    .sort();
const { App, TerraformStack } = require('cdktf');
const { DisTransferTasks } = require(lib);
const synckit = require(require.resolve('synckit', { paths: [lib] }));
const startWorkerThread = synckit.startWorkerThread;
let untilWorker;
synckit.startWorkerThread = (...args) => {
  const call = startWorkerThread(...args);
  return (...request) => {
    untilWorker ??= ran();
    return call(...request);
  };
};
const stack = new TerraformStack(new App({ outdir: join(dir, 'out') }), 'stack');
ran();
const lookup = new DisTransferTasks(stack, 'Orders', { streamName: 'orders', contextFile: join(dir, 'cdktf.context.json') });
const afterWorker = ran();
process.stdout.write(JSON.stringify({ source: lookup.source, taskNames: lookup.taskNames, untilWorker, afterWorker }));
`;

describe('the main-thread path of a cache-miss lookup', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulatorProcess();
  });
  afterAll(() => emu.stop());

  function measure(): PathReport {
    return runNode(PATH_CHILD, [join(REPO_ROOT, 'lib'), dir], {
      HW_REGION_NAME: REGION,
      HW_PROJECT_ID: PROJECT_ID,
      HW_AUTH_TOKEN: 'demo-token-0000',
      ...emu.endpointEnv,
    });
  }

  test('runs these files of ours until the worker is called, and these after it', () => {
    // GIVEN region, project and a token in the environment, and no cache file
    // WHEN a fresh process builds one lookup (mode auto: a miss, fetched from the emulator)
    const report = measure();
    // THEN it was served by the API (the success path), through these files
    expect(report.source).toBe('api');
    expect(report.taskNames).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(report.untilWorker).toEqual([
      'client/config.ts',
      'lookup/context-entry.ts',
      'lookup/context-provider.ts',
      'lookup/context-store.ts',
      'lookup/dis-transfer-tasks.ts',
      'lookup/sync-bridge.ts',
    ]);
    // AND recording the answer and building the snapshot needs no other file
    expect(report.afterWorker).toContain('lookup/context-store.ts');
    expect(report.afterWorker.filter((f) => !report.untilWorker.includes(f))).toEqual([]);
    // (issue 9: at most six; fourteen before the consolidation, seventeen with what ran after the worker)
    expect(report.untilWorker.length).toBeLessThanOrEqual(6);
  });
});

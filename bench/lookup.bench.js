#!/usr/bin/env node
// The synth-time lookup's three figures, each against a baseline measured in the same run:
//  1. a whole `node app.js` with 50 lookups served from the cache, against the same app built from
//     the same data as plain constants (target: at most 1 ms per lookup);
//  2. 50 lookups served by the emulator (in a child process): the first one (worker start included,
//     target under 100 ms) and each further one above the loopback round trip of a bare request
//     (target: under 2 ms above it);
//  3. the project-wide lookup over 100 streams with 20 ms added to every ListTransferTasks, as a
//     ratio to the concurrency limit's ideal, ceil(100 / concurrency) x 20 ms (target: close to 1).
// Run after `npm run build` (npm run bench does it). Prints figures; asserts nothing.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const LIB = join(ROOT, 'lib');
const REGION = 'cn-north-4';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const LOOKUPS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n) => n.toFixed(2);

function streamTasks(i) {
  return [
    { taskName: `s${i}-to-dli`, state: 'RUNNING', destinationType: 'DLI', createTime: 1 },
    { taskName: `s${i}-to-obs`, state: 'RUNNING', destinationType: 'OBS', createTime: 2 },
  ];
}

// ---- 1. cache against constants, whole process ----------------------------------------------
function cacheFigure() {
  const dir = mkdtempSync(join(tmpdir(), 'dis-lookup-bench-'));
  try {
    const cache = {};
    for (let i = 0; i < LOOKUPS; i++) {
      cache[`dis-transfer-tasks:${REGION}:${PROJECT_ID}:s${i}`] = {
        fetchedAt: '2026-11-28T00:00:00.000Z',
        totalNumber: 2,
        tasks: streamTasks(i),
        warnings: [],
      };
    }
    writeFileSync(join(dir, 'cdktf.context.json'), JSON.stringify(cache, null, 2));
    const head = `const { App, TerraformOutput, TerraformStack } = require('cdktf');
const { Construct } = require('constructs');
const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'bench');\n`;
    // lookups-N.js: the first N streams through DisTransferTasks, the rest as constants; both
    // kinds emit the same outputs, so every app synthesizes the same cdk.tf.json.
    const app = (n) => `${head}const { DisTransferTasks } = require(${JSON.stringify(LIB)});
const data = ${JSON.stringify(Array.from({ length: LOOKUPS }, (_, i) => streamTasks(i)))};
const t0 = process.hrtime.bigint();
for (let i = 0; i < ${LOOKUPS}; i++) {
  if (i < ${n}) {
    new DisTransferTasks(stack, 's' + i, { streamName: 's' + i, region: '${REGION}', projectId: '${PROJECT_ID}', outputs: true });
    continue;
  }
  const scope = new Construct(stack, 's' + i);
  const tasks = data[i];
  new TerraformOutput(scope, 'task_names', { value: tasks.map((t) => t.taskName), description: 'Names of the DIS transfer tasks of stream s' + i + ', sorted, as looked up at synth.' });
  new TerraformOutput(scope, 'task_states', { value: Object.fromEntries(tasks.map((t) => [t.taskName, t.state])), description: 'States of the DIS transfer tasks of stream s' + i + ', by task name, as looked up at synth.' });
}
process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));
app.synth();\n`;
    writeFileSync(join(dir, 'lookups.js'), app(LOOKUPS));
    writeFileSync(join(dir, 'one-lookup.js'), app(1));
    writeFileSync(join(dir, 'constants.js'), app(0).replace(/^const \{ DisTransferTasks \}.*$/m, ''));
    const env = { PATH: process.env.PATH, NODE_PATH: join(ROOT, 'node_modules'), DIS_LOOKUP_MODE: 'offline' };
    const run = (script) => {
      const out = join(dir, `out-${script}`);
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [script, out], { cwd: dir, env, encoding: 'utf8' });
      const t = ms(start);
      if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
      const tf = readFileSync(join(out, 'stacks', 'bench', 'cdk.tf.json'), 'utf8');
      return { t, loop: Number(r.stdout), tf };
    };
    const times = { 'constants.js': [], 'one-lookup.js': [], 'lookups.js': [] };
    const loops = { 'constants.js': [], 'lookups.js': [] };
    const outputs = new Set();
    for (let i = 0; i < RUNS; i++) {
      for (const script of Object.keys(times)) {
        const r = run(script);
        times[script].push(r.t);
        loops[script]?.push(r.loop);
        outputs.add(r.tf);
      }
    }
    const [c, one, all] = Object.values(times).map(median);
    console.log(`1. ${LOOKUPS} lookups from the cache, whole process (median of ${RUNS}, mode offline):`);
    console.log(
      `   constants app ${fmt(c)} ms (baseline); ${LOOKUPS} lookups ${fmt(all)} ms, ratio ${fmt(all / c)}`,
    );
    console.log(
      `   per lookup ${fmt((all - c) / LOOKUPS)} ms above constants, loading included (target <= 1 ms)`,
    );
    console.log(
      `   of which: loading the package + first lookup ${fmt(one - c)} ms; each further lookup ${fmt((all - one) / (LOOKUPS - 1))} ms`,
    );
    const perLookupInProcess = (median(loops['lookups.js']) - median(loops['constants.js'])) / LOOKUPS;
    console.log(
      `   inside the process, building the ${LOOKUPS} constructs: lookups ${fmt(median(loops['lookups.js']))} ms, ` +
        `constants ${fmt(median(loops['constants.js']))} ms: ${fmt(perLookupInProcess)} ms per lookup`,
    );
    console.log(`   identical cdk.tf.json across the three apps: ${outputs.size === 1}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 2 and 3: against the emulator, in this process (the emulator is a child process) -----------
function scenario(streams) {
  const demo = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'demo.json'), 'utf8'));
  for (let i = 0; i < streams; i++) {
    demo.projects[0].streams.push({
      name: `bench-${String(i).padStart(3, '0')}`,
      tasks: [
        {
          taskName: `bench-${i}-to-obs`,
          taskId: `bench${i}ToObs`,
          state: 'RUNNING',
          destinationType: 'OBS',
          createTime: 1,
        },
      ],
    });
  }
  return demo;
}

// The floor of any first lookup: a synckit worker that loads nothing and answers at once.
function bareWorkerFirstCall() {
  const dir = mkdtempSync(join(tmpdir(), 'dis-bench-worker-'));
  try {
    const worker = join(dir, 'empty-worker.js');
    writeFileSync(
      worker,
      `require(${JSON.stringify(require.resolve('synckit'))}).runAsWorker(async () => 1);\n`,
    );
    const start = process.hrtime.bigint();
    require('synckit').createSyncFn(worker, { timeout: 60_000 })();
    return ms(start);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareRoundTrip(url) {
  const { fetch } = globalThis;
  const times = [];
  for (let i = 0; i < LOOKUPS + 10; i++) {
    const start = process.hrtime.bigint();
    const res = await fetch(`${url}/v2/${PROJECT_ID}/streams/orders/transfer-tasks`, {
      headers: { 'X-Auth-Token': 'demo-token-0000' },
    });
    await res.text();
    if (i >= 10) times.push(ms(start));
  }
  return median(times);
}

async function emulatorFigures() {
  const { startEmulatorProcess } = require(join(LIB, 'emulator'));
  const { App, TerraformStack } = require('cdktf');
  const { DisTransferTasks, DisProjectTransferTasks, LookupMode, MemoryContextStore } = require(LIB);
  const emu = await startEmulatorProcess({ scenario: scenario(100) });
  try {
    Object.assign(process.env, emu.endpointEnv, {
      HW_REGION_NAME: REGION,
      HW_PROJECT_ID: PROJECT_ID,
      HW_AUTH_TOKEN: 'demo-token-0000',
    });
    const stack = new TerraformStack(new App({ outdir: join(tmpdir(), 'dis-bench-unused') }), 'bench');
    const lookup = (i) => {
      const start = process.hrtime.bigint();
      new DisTransferTasks(stack, `l${i}`, { streamName: 'orders', mode: LookupMode.LIVE });
      return ms(start);
    };
    const bareWorker = bareWorkerFirstCall();
    const first = lookup(0);
    const further = [];
    for (let i = 1; i < LOOKUPS; i++) further.push(lookup(i));
    const bare = await bareRoundTrip(emu.url);
    const each = median(further);
    console.log(`2. ${LOOKUPS} lookups served by the emulator (mode live):`);
    console.log(`   first lookup ${fmt(first)} ms, worker start included (target < 100 ms)`);
    console.log(
      `   baseline: an empty synckit worker's first call ${fmt(bareWorker)} ms (start only, nothing loaded)`,
    );
    console.log(
      `   further lookups ${fmt(each)} ms median; bare loopback request ${fmt(bare)} ms (baseline); ` +
        `${fmt(each - bare)} ms above it (target < 2 ms), ratio ${fmt(each / bare)}`,
    );

    const LATENCY = 20;
    await emu.injectFault({ kind: 'latency', route: 'ListTransferTasks', latencyMs: LATENCY });
    for (const concurrency of [8, 16]) {
      const times = [];
      for (let r = 0; r < 3; r++) {
        const start = process.hrtime.bigint();
        const p = new DisProjectTransferTasks(stack, `p${concurrency}-${r}`, {
          mode: LookupMode.LIVE,
          concurrency,
          contextStore: new MemoryContextStore(),
        });
        times.push(ms(start));
        if (p.snapshots.length !== 102) throw new Error(`expected 102 streams, got ${p.snapshots.length}`);
      }
      const ideal = Math.ceil(102 / concurrency) * LATENCY;
      const t = median(times);
      console.log(
        `3. project-wide lookup, 102 streams, +${LATENCY} ms per ListTransferTasks, concurrency ${concurrency}: ` +
          `${fmt(t)} ms; ideal ${ideal} ms (baseline); ratio ${fmt(t / ideal)}`,
      );
    }
  } finally {
    await emu.stop();
  }
}

cacheFigure();
emulatorFigures().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

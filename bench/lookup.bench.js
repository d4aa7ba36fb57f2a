#!/usr/bin/env node
// The synth-time lookup's figures, each against a baseline measured in the same run (issue 10 item 6):
//  1. warm: apps of 10, 50, 200 and 1,000 lookups served from the cache file, against the same apps
//     built from the same data as plain constants: milliseconds per lookup above constants, inside
//     the process (building the constructs) and for the whole process (target: <= 0.2 ms);
//  2. cold: apps of 10, 50, 200 and 1,000 lookups that all miss the cache and ask the emulator (in a
//     child process), recording into the cache file (written once, at synth) and, for comparison,
//     recording nothing (mode live): the marginal cost of one more lookup, against a bare loopback
//     request to the same emulator (target: <= 1 ms above it), and what recording adds;
//  3. the project-wide lookup over 100 streams with 20 ms added to every ListTransferTasks, as a
//     ratio to the concurrency limit's ideal, ceil(102 / concurrency) x 20 ms (target: close to 1).
// Run after `npm run build` (npm run bench does it). Prints figures; asserts nothing.
// BENCH_RUNS (default 5) sets how many runs each figure is the median of; BENCH_SIZES the app sizes.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const LIB = join(ROOT, 'lib');
const REGION = 'cn-north-4';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const SIZES = (process.env.BENCH_SIZES ?? '10,50,200,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MAX = Math.max(...SIZES);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n, digits = 3) => n.toFixed(digits);

function streamTasks(i) {
  return [
    { taskName: `s${i}-to-dli`, state: 'RUNNING', destinationType: 'DLI', createTime: 1 },
    { taskName: `s${i}-to-obs`, state: 'RUNNING', destinationType: 'OBS', createTime: 2 },
  ];
}

/**
 * An app of `n` streams: the first `lookups` through DisTransferTasks, the rest built as constants
 * (a construct and the same two outputs), so that every variant synthesizes the same cdk.tf.json.
 * It prints how long building the constructs took and, separately, app.synth() (which writes the
 * recordings).
 */
function appSource(n, lookups) {
  return `const { App, TerraformOutput, TerraformStack } = require('cdktf');
const { Construct } = require('constructs');
${lookups > 0 ? `const { DisTransferTasks } = require(${JSON.stringify(LIB)});` : ''}
const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'bench');
const data = ${JSON.stringify(Array.from({ length: n }, (_, i) => streamTasks(i)))};
const t0 = process.hrtime.bigint();
for (let i = 0; i < ${n}; i++) {
  if (i < ${lookups}) {
    new DisTransferTasks(stack, 's' + i, { streamName: 's' + i, outputs: true });
    continue;
  }
  const scope = new Construct(stack, 's' + i);
  const tasks = data[i];
  new TerraformOutput(scope, 'task_names', { value: tasks.map((t) => t.taskName), description: 'Names of the DIS transfer tasks of stream s' + i + ', sorted, as looked up at synth.' });
  new TerraformOutput(scope, 'task_states', { value: Object.fromEntries(tasks.map((t) => [t.taskName, t.state])), description: 'States of the DIS transfer tasks of stream s' + i + ', by task name, as looked up at synth.' });
}
const built = Number(process.hrtime.bigint() - t0) / 1e6;
const t1 = process.hrtime.bigint();
app.synth();
process.stdout.write(JSON.stringify({ built, synth: Number(process.hrtime.bigint() - t1) / 1e6 }));
`;
}

function cacheOf(n) {
  const cache = {};
  for (let i = 0; i < n; i++) {
    cache[`dis-transfer-tasks:${REGION}:${PROJECT_ID}:s${i}`] = {
      fetchedAt: '2026-11-28T00:00:00.000Z',
      totalNumber: 2,
      tasks: streamTasks(i),
      warnings: [],
    };
  }
  return cache;
}

/** Runs `script` in a fresh node in `dir`; returns its figures, its wall time and its cdk.tf.json. */
function runApp(dir, script, env, before = () => {}) {
  const out = join(dir, `out-${script}`);
  rmSync(out, { recursive: true, force: true });
  before();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [script, out], { cwd: dir, env, encoding: 'utf8' });
  const wall = ms(start);
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return {
    ...JSON.parse(r.stdout),
    wall,
    tf: readFileSync(join(out, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'),
  };
}

const baseEnv = () => ({ PATH: process.env.PATH, NODE_PATH: join(ROOT, 'node_modules') });

// ---- 1. warm: the cache against constants ----------------------------------------------------
function warmFigures() {
  const dir = mkdtempSync(join(tmpdir(), 'dis-lookup-bench-warm-'));
  try {
    writeFileSync(join(dir, 'cdktf.context.json'), JSON.stringify(cacheOf(MAX), null, 2));
    console.log(
      '1. warm: lookups served from the cache file (mode auto, region and project in the environment),',
    );
    console.log(`   against the same app built from constants; medians of ${RUNS} runs`);
    console.log(
      '   lookups | constants: build / process ms | lookups: build / process ms | per lookup above constants: build / process ms | build ratio | same cdk.tf.json',
    );
    const env = { ...baseEnv(), HW_REGION_NAME: REGION, HW_PROJECT_ID: PROJECT_ID };
    const above = [];
    for (const n of SIZES) {
      writeFileSync(join(dir, `constants-${n}.js`), appSource(n, 0));
      writeFileSync(join(dir, `lookups-${n}.js`), appSource(n, n));
      const c = { built: [], wall: [] };
      const l = { built: [], wall: [] };
      const outputs = new Set();
      for (let r = 0; r < RUNS; r++) {
        for (const [script, into] of [
          [`constants-${n}.js`, c],
          [`lookups-${n}.js`, l],
        ]) {
          const res = runApp(dir, script, env);
          into.built.push(res.built);
          into.wall.push(res.wall);
          outputs.add(res.tf);
        }
      }
      const [cb, cw, lb, lw] = [c.built, c.wall, l.built, l.wall].map(median);
      above.push([n, lb - cb]);
      console.log(
        `   ${String(n).padStart(7)} | ${fmt(cb, 1)} / ${fmt(cw, 1)} | ${fmt(lb, 1)} / ${fmt(lw, 1)} | ` +
          `${fmt((lb - cb) / n)} / ${fmt((lw - cw) / n)} | ${fmt(lb / cb, 2)} | ${outputs.size === 1}`,
      );
    }
    // One more lookup in a larger app: the slope between sizes, where the first lookup's warm-up cancels.
    for (let i = 1; i < above.length; i++) {
      const [n0, t0] = above[i - 1];
      const [n1, t1] = above[i];
      console.log(
        `   marginal warm lookup, ${n0} -> ${n1} lookups: ${fmt((t1 - t0) / (n1 - n0))} ms above a constant (target <= 0.2)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 2. cold: every lookup asks the emulator ---------------------------------------------------
function scenario(streams) {
  const demo = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'demo.json'), 'utf8'));
  for (let i = 0; i < streams; i++) {
    demo.projects[0].streams.push({
      name: `s${i}`,
      tasks: streamTasks(i).map((t, k) => ({ ...t, taskId: `s${i}t${k}` })),
    });
  }
  for (let i = 0; i < 100; i++) {
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

async function bareRoundTrip(url, count) {
  const { fetch } = globalThis;
  const times = [];
  for (let i = 0; i < count + 10; i++) {
    const start = process.hrtime.bigint();
    const res = await fetch(`${url}/v2/${PROJECT_ID}/streams/s${i % MAX}/transfer-tasks`, {
      headers: { 'X-Auth-Token': 'demo-token-0000' },
    });
    await res.text();
    if (i >= 10) times.push(ms(start));
  }
  return median(times);
}

async function coldFigures(emu) {
  const dir = mkdtempSync(join(tmpdir(), 'dis-lookup-bench-cold-'));
  try {
    const env = {
      ...baseEnv(),
      ...emu.endpointEnv,
      HW_REGION_NAME: REGION,
      HW_PROJECT_ID: PROJECT_ID,
      HW_AUTH_TOKEN: 'demo-token-0000',
    };
    const bare = await bareRoundTrip(emu.url, 200);
    console.log(
      '2. cold: every lookup misses the cache and asks the emulator (child process); the first one starts the worker',
    );
    console.log(
      `   baseline: a bare loopback request to the same emulator, median ${fmt(bare)} ms; medians of ${RUNS} runs`,
    );
    console.log(
      '   lookups | recording (auto): build / synth ms | each lookup after the first, ms, above bare | recording nothing (live): build ms | recording adds (whole process)',
    );
    const cache = join(dir, 'cdktf.context.json');
    const built = [];
    for (const n of SIZES) {
      writeFileSync(join(dir, `lookups-${n}.js`), appSource(n, n));
      writeFileSync(join(dir, `one-${n}.js`), appSource(n, 1));
      const auto = { built: [], synth: [], wall: [] };
      const live = { built: [], wall: [] };
      const one = [];
      for (let r = 0; r < RUNS; r++) {
        const a = runApp(dir, `lookups-${n}.js`, env, () => rmSync(cache, { force: true }));
        auto.built.push(a.built);
        auto.synth.push(a.synth);
        auto.wall.push(a.wall);
        const lv = runApp(dir, `lookups-${n}.js`, { ...env, DIS_LOOKUP_MODE: 'live' });
        live.built.push(lv.built);
        live.wall.push(lv.wall);
        one.push(runApp(dir, `one-${n}.js`, { ...env, DIS_LOOKUP_MODE: 'live' }).built);
      }
      const [ab, as, aw, lb, lw, ob] = [auto.built, auto.synth, auto.wall, live.built, live.wall, one].map(
        median,
      );
      built.push([n, ab]);
      // The first lookup (worker start) is the one-lookup app's cost; the others share the rest.
      const each = n > 1 ? (ab - ob) / (n - 1) : Number.NaN;
      console.log(
        `   ${String(n).padStart(7)} | ${fmt(ab, 1)} / ${fmt(as, 1)} | ${fmt(each)}, ${fmt(each - bare)} above, ` +
          `ratio ${fmt(each / bare, 2)} | ${fmt(lb, 1)} | ${fmt(aw - lw, 1)} ms (${fmt(aw / lw, 2)}x)`,
      );
    }
    // One more lookup in a larger app: the slope between sizes, where the worker's warm-up cancels.
    for (let i = 1; i < built.length; i++) {
      const [n0, t0] = built[i - 1];
      const [n1, t1] = built[i];
      const m = (t1 - t0) / (n1 - n0);
      console.log(
        `   marginal cold lookup, ${n0} -> ${n1} lookups: ${fmt(m)} ms, ${fmt(m - bare)} above a bare request (target <= 1), ratio ${fmt(m / bare, 2)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 3. the project-wide lookup against the concurrency limit's ideal -----------------------------
async function projectFigures(emu) {
  const { App, TerraformStack } = require('cdktf');
  const { DisProjectTransferTasks, LookupMode, MemoryContextStore } = require(LIB);
  const saved = { ...process.env };
  Object.assign(process.env, emu.endpointEnv, {
    HW_REGION_NAME: REGION,
    HW_PROJECT_ID: PROJECT_ID,
    HW_AUTH_TOKEN: 'demo-token-0000',
  });
  try {
    const stack = new TerraformStack(new App({ outdir: join(tmpdir(), 'dis-bench-unused') }), 'bench');
    const LATENCY = 20;
    await emu.injectFault({ kind: 'latency', route: 'ListTransferTasks', latencyMs: LATENCY });
    const streams = 2 + 100 + MAX;
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
        if (p.snapshots.length !== streams)
          throw new Error(`expected ${streams} streams, got ${p.snapshots.length}`);
      }
      const ideal = Math.ceil(streams / concurrency) * LATENCY;
      const t = median(times);
      console.log(
        `3. project-wide lookup, ${streams} streams, +${LATENCY} ms per ListTransferTasks, concurrency ${concurrency}: ` +
          `${fmt(t, 2)} ms; ideal ${ideal} ms (baseline); ratio ${fmt(t / ideal, 2)}`,
      );
    }
    await emu.clearFaults();
  } finally {
    process.env = saved;
  }
}

async function main() {
  warmFigures();
  const { startEmulatorProcess } = require(join(LIB, 'emulator'));
  const emu = await startEmulatorProcess({ scenario: scenario(MAX) });
  try {
    await coldFigures(emu);
    await projectFigures(emu);
  } finally {
    await emu.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

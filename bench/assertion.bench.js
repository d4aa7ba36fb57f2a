#!/usr/bin/env node
// What the gate costs. (1) evaluateGate on 10 / 100 / 1000 tasks, default rules and every rule at
// once, against a structuredClone of the same snapshots (the floor: touching every task once).
// (2) buildSarifLog of those reports, against JSON.stringify of the same report. (3) app.synth()
// of a stack with one DisTransferTasksAssertion per enforcement mode (and with SARIF), against the
// same stack without it. Run after `npm run build` (npm run bench does it). Prints medians and
// ratios measured in the same run; asserts nothing.
const { mkdtempSync, rmSync } = require('node:fs');
const { structuredClone } = globalThis;
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { App, TerraformStack } = require('cdktf');
const lib = require('../lib');
const { buildSarifLog, evaluateGate } = require('../lib/gate');

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const FETCHED_AT = '2026-11-28T12:00:00.000Z';
const STATES = ['RUNNING', 'RUNNING', 'RUNNING', 'PAUSED', 'ERROR'];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, runs = RUNS) {
  fn(); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function snapshots(taskCount, streamCount = 10) {
  const perStream = Math.max(1, Math.floor(taskCount / streamCount));
  return Array.from({ length: Math.min(streamCount, taskCount) }, (_, s) => ({
    streamName: `stream-${s}`,
    projectId: '0123456789abcdef0123456789abcdef',
    region: 'cn-north-4',
    fetchedAt: FETCHED_AT,
    source: 'context',
    totalNumber: perStream,
    warnings: [],
    tasks: Array.from({ length: perStream }, (_, t) => ({
      taskName: `task-${s}-${t}`,
      state: STATES[t % STATES.length],
      destinationType: t % 7 === 0 ? 'KAFKA' : 'OBS',
      createTime: Date.parse(FETCHED_AT) - 86400_000,
      lastTransferTimestamp: Date.parse(FETCHED_AT) - (t % 10) * 60_000,
    })),
  }));
}

const everyRule = (snaps) => {
  const names = snaps.flatMap((s) => s.tasks.map((t) => `${s.streamName}/${t.taskName}`));
  return {
    requiredTasks: names.slice(0, 10).concat(['missing-task']),
    expectedTasks: names.slice(0, Math.floor(names.length / 2)),
    ignoreTasks: names.slice(-2),
    destinationTypes: ['OBS', 'DLI'],
    maxTransferLagSeconds: 300,
    minTasks: names.length + 1,
    maxAcknowledgementDays: 36500,
    acknowledgements: [
      {
        ruleId: 'DIS-TASK-STATE',
        task: '*',
        reason: 'bench: accept every state finding',
        expires: '2099-01-01',
      },
      {
        ruleId: 'DIS-TASK-UNEXPECTED',
        task: 'no-such-task',
        reason: 'bench: one that matches nothing',
        expires: '2099-01-01',
      },
      {
        ruleId: 'DIS-TRANSFER-LAG',
        task: names[0],
        reason: 'bench: one acknowledged lag',
        expires: '2099-01-01',
      },
    ],
  };
};

console.log('evaluateGate (median ms, ratio to structuredClone of the same snapshots)');
for (const n of [10, 100, 1000]) {
  const snaps = snapshots(n);
  const rules = everyRule(snaps);
  const baseline = time(() => structuredClone(snaps));
  const plain = time(() => evaluateGate(snaps, {}));
  const all = time(() => evaluateGate(snaps, rules));
  const findings = evaluateGate(snaps, rules).findings.length;
  console.log(
    `  ${String(n).padStart(4)} tasks: clone ${baseline.toFixed(3)} ms | default rules ${plain.toFixed(3)} ms (${(plain / baseline).toFixed(1)}x) | every rule ${all.toFixed(3)} ms (${(all / baseline).toFixed(1)}x, ${findings} findings)`,
  );
}

console.log('buildSarifLog (median ms, ratio to JSON.stringify of the same report)');
for (const n of [10, 100, 1000]) {
  const snaps = snapshots(n);
  const report = evaluateGate(snaps, everyRule(snaps));
  const options = {
    sourceFile: { path: 'main.ts', line: 12 },
    contextFile: { path: 'cdktf.context.json' },
    constructPath: 'demo/Gate',
  };
  const baseline = time(() => JSON.stringify(report));
  const sarif = time(() => JSON.stringify(buildSarifLog(report, options)));
  console.log(
    `  ${String(n).padStart(4)} tasks, ${String(report.findings.length).padStart(4)} findings: JSON ${baseline.toFixed(3)} ms | SARIF ${sarif.toFixed(3)} ms (${(sarif / baseline).toFixed(1)}x)`,
  );
}

console.log('app.synth() of one stack (median ms, ratio to the same stack without a gate)');
const dir = mkdtempSync(join(tmpdir(), 'dis-assertion-bench-'));
try {
  const snaps = snapshots(100);
  const lookup = { allStreams: false, region: 'cn-north-4', projectId: snaps[0].projectId, snapshots: snaps };
  const synth = (mode, reportFormats) => () => {
    const app = new App({ outdir: join(dir, mode ?? 'none'), stackTraces: false });
    const stack = new TerraformStack(app, 'demo');
    if (mode)
      new lib.DisTransferTasksAssertion(stack, 'Gate', {
        lookup,
        enforcement: mode,
        severity: lib.GateSeverity.WARNING,
        ...(reportFormats ? { reportFormats } : {}),
      });
    app.synth();
  };
  const runs = Math.max(5, Math.floor(RUNS / 3));
  const baseline = time(synth(undefined), runs);
  console.log(`  no gate: ${baseline.toFixed(1)} ms`);
  for (const mode of Object.values(lib.Enforcement)) {
    const ms = time(synth(mode), runs);
    console.log(`  ${mode.padEnd(5)} gate, 100 tasks: ${ms.toFixed(1)} ms, ${(ms / baseline).toFixed(2)}x`);
  }
  const sarif = time(
    synth(lib.Enforcement.WARN, [lib.GateReportFormat.JSON, lib.GateReportFormat.SARIF]),
    runs,
  );
  console.log(`  warn  gate + SARIF report: ${sarif.toFixed(1)} ms, ${(sarif / baseline).toFixed(2)}x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

#!/usr/bin/env node
// How long `dis-transfer-tasks` takes to start, against `node -e 0` measured in the same run.
// Commands load the client (undici, zod) and the emulator only when they need them; this shows the
// price of the shell itself (--help), of a command that reads the context file, and of one that
// loads the emulator (--scenario of a missing file: it loads, then fails fast).
// Run after `npm run build` (npm run bench does it). Prints medians and ratios; asserts nothing.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const BIN = join(__dirname, '..', 'lib', 'cli', 'main.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(args, cwd) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env: { PATH: process.env.PATH } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const dir = mkdtempSync(join(tmpdir(), 'dis-cli-bench-'));
try {
  const entries = {};
  for (let i = 0; i < 200; i++) {
    entries[`dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:stream-${i}`] = {
      fetchedAt: new Date().toISOString(),
      totalNumber: 1,
      tasks: [{ taskName: `task-${i}`, state: 'RUNNING', destinationType: 'OBS', createTime: 0 }],
      warnings: [],
    };
  }
  writeFileSync(join(dir, 'cdktf.context.json'), JSON.stringify(entries));

  const baseline = measure(['-e', '0'], dir);
  const cases = [
    ['--help', [BIN, '--help']],
    ['check --help (loads check, its reports and GitHub output)', [BIN, 'check', '--help']],
    ['context list (200 entries, each checked)', [BIN, 'context', 'list']],
    [
      'emulator (loads, then fails on a missing scenario)',
      [BIN, 'emulator', '--scenario', join(dir, 'none.json')],
    ],
  ];
  console.log(`baseline node -e 0: ${baseline.toFixed(1)} ms (median of ${RUNS})`);
  for (const [name, args] of cases) {
    const ms = measure(args, dir);
    console.log(`${name}: ${ms.toFixed(1)} ms, ${(ms / baseline).toFixed(2)}x baseline`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

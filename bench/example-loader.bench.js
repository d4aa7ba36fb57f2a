#!/usr/bin/env node
// What running the example from TypeScript costs (docs/decisions/0002). Each variant starts a fresh
// `node` that loads the example's modules and exits, so module loading is measured cold, as
// `cdktf synth` pays it on every run:
//   baseline    plain require of cdktf, the built lib/ and nothing else
//   example     scripts/run-example.js: lib/ plus the .gen provider bindings transpiled in memory
//   src         the same loader on src/ instead of lib/ (the alternative the decision rejected)
// Prints medians and ratios against the baseline measured in the same run; asserts nothing.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const work = mkdtempSync(join(tmpdir(), 'example-loader-bench-'));

const cdktf = JSON.stringify(join(root, 'node_modules', 'cdktf'));
const gen = (name) => JSON.stringify(join(root, '.gen', 'providers', 'huaweicloud', name));
const probes = {
  baseline: ['probe.js', `require(${cdktf}); require(${JSON.stringify(join(root, 'lib'))});`],
  example: [
    'probe-lib.ts',
    `import ${cdktf};\nimport ${JSON.stringify(join(root, 'lib'))};\nimport ${gen('provider')};\nimport ${gen('dis-stream')};\n`,
  ],
  src: [
    'probe-src.ts',
    `import ${cdktf};\nimport ${JSON.stringify(join(root, 'src', 'index.ts'))};\nimport ${gen('provider')};\nimport ${gen('dis-stream')};\n`,
  ],
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure([file, source]) {
  const path = join(work, file);
  writeFileSync(path, source);
  const args = file.endsWith('.ts') ? [join(root, 'scripts', 'run-example.js'), path] : [path];
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${file} failed: ${r.stderr}`);
    if (i > 0) times.push(ms); // the first run warms the file system cache
  }
  return median(times);
}

try {
  const results = Object.fromEntries(Object.entries(probes).map(([name, probe]) => [name, measure(probe)]));
  console.log(`module loading in a fresh node, median of ${RUNS} runs`);
  for (const [name, ms] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(9)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / results.baseline).toFixed(2)}x baseline`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

#!/usr/bin/env node
// `npm run mutate -- <module> [stryker options]`: mutation testing of one module of the core
// (scripts/mutate-modules.js), e.g. `npm run mutate -- gate --incremental`. Without a module it
// runs every module in turn. `npm run mutate` builds first (the lookup worker runs from lib/).
// Each module's report: reports/mutation/<module>/mutation.html (and mutation.json).
'use strict';
const { spawnSync } = require('node:child_process');
const { join, resolve } = require('node:path');
const { MODULES } = require('./mutate-modules.js');

const root = resolve(__dirname, '..');
const [first, ...rest] = process.argv.slice(2);
if (first === '--help' || first === '-h') {
  process.stdout.write(`usage: npm run mutate -- [${Object.keys(MODULES).join('|')}] [stryker options]\n`);
  process.exit(0);
}
let names;
let options;
if (first === undefined || first.startsWith('-')) {
  names = Object.keys(MODULES);
  options = first === undefined ? [] : [first, ...rest];
} else if (first in MODULES) {
  names = [first];
  options = rest;
} else {
  process.stderr.write(`unknown module "${first}"; one of: ${Object.keys(MODULES).join(', ')}\n`);
  process.exit(2);
}
const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
let failed = false;
for (const name of names) {
  process.stdout.write(`\n== mutation testing: ${name} ==\n`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...options], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STRYKER_MODULE: name },
  });
  if (result.error) throw result.error;
  process.stdout.write(
    `== ${name}: ${Math.round((Date.now() - started) / 1000)} s, exit ${result.status} ==\n`,
  );
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

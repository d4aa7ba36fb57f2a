#!/usr/bin/env node
// Runs every test of the given jest files alone, one after the other: `jest <file> -t '^<full name>$'`,
// so that a test that depends on an earlier test's init, apply, synth or state fails here.
//
//   node scripts/run-tests-alone.js [--report FILE] [FILE ...]
//
// Without files it takes the end-to-end files (cdktf, terraform, packed app, jsii host, examples,
// secrets). Build first (`npm run build`): the tests run the built package. Prints one line per test
// (result, seconds, file, name) and, with --report, writes them as a Markdown table. Exits 1 when a
// test fails alone, or when a name does not select exactly that one test.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
/** The end-to-end files: real cdktf or terraform runs, packed or jsii-hosted apps, examples, secrets. */
const END_TO_END =
  /(\.cdktf(-synth)?\.test\.ts|terraform-gates\.(plan|apply)\.test\.ts|\/package\/.*\.test\.ts|\/examples\/.*\.test\.ts|secrets\.test\.ts|\/hostile\/outputs\.test\.ts|context-store\.concurrent\.test\.ts|synth-failures\.test\.ts)$/;

const args = process.argv.slice(2);
let reportFile;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--report') reportFile = args[++i];
  else files.push(resolve(args[i]));
}

const work = mkdtempSync(join(tmpdir(), 'tests-alone-'));

/** Runs jest with `jestArgs`; returns its JSON result (undefined when it wrote none) and its output. */
function jest(jestArgs) {
  const outputFile = join(work, 'result.json');
  rmSync(outputFile, { force: true });
  const r = spawnSync(process.execPath, [JEST, '--ci', '--json', `--outputFile=${outputFile}`, ...jestArgs], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let result;
  try {
    result = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    result = undefined;
  }
  return { result, output: `${r.stdout}${r.stderr}` };
}

function listFiles() {
  const { result, output } = jest(['--listTests']);
  if (result === undefined) {
    // --listTests with --json prints the list on stdout
    const list = JSON.parse(output.slice(output.indexOf('['), output.lastIndexOf(']') + 1));
    return list.filter((f) => END_TO_END.test(f)).sort();
  }
  return result.filter((f) => END_TO_END.test(f)).sort();
}

/** The full names of a file's tests, without running them (a name pattern that matches none). */
function testNames(file) {
  const { result, output } = jest(['--runTestsByPath', file, '-t', '^(?!)']);
  if (!result || result.testResults.length !== 1)
    throw new Error(`cannot list the tests of ${file}:\n${output}`);
  return result.testResults[0].assertionResults.map((a) => a.fullName);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const rows = [];
let failed = 0;
for (const file of files.length > 0 ? files : listFiles()) {
  const names = testNames(file);
  for (const name of names) {
    const started = Date.now();
    const { result, output } = jest(['--runTestsByPath', file, '-t', `^${escapeRegExp(name)}$`]);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const ran = result ? result.numPassedTests + result.numFailedTests : 0;
    const ok = result !== undefined && ran === 1 && result.numPassedTests === 1;
    const outcome = ok ? 'passed' : ran === 1 ? 'FAILED' : `FAILED (ran ${ran} tests)`;
    if (!ok) {
      failed++;
      process.stdout.write(`${output}\n`);
    }
    const row = { outcome, seconds, file: relative(ROOT, file), name };
    rows.push(row);
    process.stdout.write(`${outcome}\t${seconds} s\t${row.file}\t${name}\n`);
  }
}
rmSync(work, { recursive: true, force: true });

process.stdout.write(`\n${rows.length - failed} passed alone, ${failed} failed alone\n`);
if (reportFile) {
  const cell = (text) => text.replace(/\|/g, '\\|');
  writeFileSync(
    reportFile,
    `| result | s | file | test |\n| --- | --- | --- | --- |\n${rows
      .map((r) => `| ${r.outcome} | ${r.seconds} | ${r.file} | ${cell(r.name)} |`)
      .join('\n')}\n`,
  );
}
process.exitCode = failed > 0 ? 1 : 0;

#!/usr/bin/env node
// `npm run demo [-- --paused]`: the example stack (examples/dis-transfer-gate) synthesized by the
// real cdktf CLI against the embedded DIS emulator, then the tasks it saw and the gate's verdict.
// Nothing in the repository changes: the emulator runs in a child process (a server in this thread
// would deadlock the synth-time lookup), and cdktf runs in a temporary folder that holds its
// cdktf.json, the context cache and cdktf.out; the folder is removed at the end unless --keep.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative, resolve } = require('node:path');
const { parseArgs } = require('node:util');

const root = resolve(__dirname, '..');
const STACK = 'dis-transfer-gate';
const STREAM = 'orders';
const CDKTF = join(root, 'node_modules', '.bin', 'cdktf');

/** The account of scenarios/demo.json (scenarios/demo.json); demo values, not secrets. */
const DEMO_ACCOUNT = {
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  accessKey: 'DEMOAK0000000000000A',
  secretKey: 'demo-secret-key-0000000000000000000000000',
};
const CONTEXT_KEY = `dis-transfer-tasks:${DEMO_ACCOUNT.region}:${DEMO_ACCOUNT.projectId}:${STREAM}`;

const USAGE = `Usage: npm run demo [-- [--paused] [--keep]]

Synthesizes examples/dis-transfer-gate with the real cdktf CLI against the embedded DIS emulator
and prints the transfer tasks the stack saw and the gate's verdict.

Options:
  --paused   use scenarios/demo-paused.json, where orders-to-dli is PAUSED: the gate fails and
             the demo exits with status 1
  --keep     keep the temporary folder (cdktf.json, cdktf.context.json, cdktf.out) and print it
  --help     show this help

Exit status: 0 the gate passed, 1 the gate failed, 2 wrong options, 3 the demo could not run.
`;

/** Environment for cdktf and the app: the emulator as DIS and IAM, the demo account, no telemetry. */
function demoEnv(emulator) {
  const env = { ...process.env };
  // Real credentials in the caller's environment must not leak into the demo (or its output).
  for (const name of Object.keys(env)) {
    if (/^(HW_|OS_|HUAWEICLOUD_SDK_|DIS_LOOKUP_|DIS_EXAMPLE_|CDKTF_)/.test(name)) delete env[name];
  }
  delete env.TF_CLI_CONFIG_FILE; // points at a missing file on some machines: a harmless warning
  return {
    ...env,
    ...emulator.endpointEnv, // HW_DIS_ENDPOINT and HW_AUTH_URL
    HW_REGION_NAME: DEMO_ACCOUNT.region,
    HW_PROJECT_ID: DEMO_ACCOUNT.projectId,
    HW_ACCESS_KEY: DEMO_ACCOUNT.accessKey,
    HW_SECRET_KEY: DEMO_ACCOUNT.secretKey,
    CI: '1',
    CHECKPOINT_DISABLE: '1',
    FORCE_COLOR: '0',
  };
}

function run(command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code: code ?? 1, signal, output }));
  });
}

/**
 * The tasks the stack's lookup saw: the entry it recorded in the temporary cdktf.context.json
 * (lookups record before the gate runs, so this is there whether the gate passed or not).
 */
function recordedTasks(work) {
  const file = join(work, 'cdktf.context.json');
  if (!existsSync(file)) return undefined;
  const value = JSON.parse(readFileSync(file, 'utf8'))[CONTEXT_KEY];
  return value?.tasks;
}

/** The gate's JSON report, written beside the stack in cdktf.out whether the gate passed or not. */
function gateReport(outDir) {
  const stackDir = join(outDir, 'stacks', STACK);
  if (!existsSync(stackDir)) return undefined;
  const file = readdirSync(stackDir).find((f) => f.startsWith('dis-gate.') && f.endsWith('.report.json'));
  return file ? JSON.parse(readFileSync(join(stackDir, file), 'utf8')) : undefined;
}

function printTasks(tasks) {
  const rows = [
    ['TASK', 'STATE', 'DESTINATION'],
    ...tasks.map((t) => [t.taskName, t.state, t.destinationType]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  const format = (row) => row.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  for (const row of rows) console.log(`  ${format(row).trimEnd()}`);
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      paused: { type: 'boolean' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const lib = join(root, 'lib', 'emulator', 'index.js');
  if (!existsSync(lib)) {
    console.error('lib/ is missing: run `npm run build` first (`npm run demo` does it for you).');
    return 2;
  }
  const { startEmulatorProcess } = require(lib);
  const scenario = join(root, 'scenarios', values.paused ? 'demo-paused.json' : 'demo.json');

  const work = mkdtempSync(join(tmpdir(), 'dis-demo-'));
  const outDir = join(work, 'cdktf.out');
  const emulator = await startEmulatorProcess({ scenario });
  try {
    writeFileSync(
      join(work, 'cdktf.json'),
      JSON.stringify({
        language: 'typescript',
        app: `"${process.execPath}" "${join(root, 'scripts', 'run-example.js')}"`,
        projectId: 'dis-transfer-tasks-demo',
        sendCrashReports: 'false',
        terraformProviders: [],
        terraformModules: [],
        context: {},
      }),
    );
    console.log('DIS transfer-task gate demo');
    console.log(`  scenario  ${relative(root, scenario)}`);
    console.log(`  emulator  ${emulator.url} (child process)`);
    console.log(
      `  synth     cdktf synth of examples/${STACK} in ${values.keep ? work : 'a temporary folder'}`,
    );
    console.log('');

    const synth = await run(CDKTF, ['synth', '--output', outDir], { cwd: work, env: demoEnv(emulator) });
    const tasks = recordedTasks(work);
    const report = gateReport(outDir);

    if (tasks) {
      console.log(`Transfer tasks the stack saw at synth (stream "${STREAM}"):`);
      printTasks(tasks);
      console.log('');
    }
    if (synth.code === 0) {
      console.log(
        `Gate: PASSED. Every transfer task is RUNNING; cdktf wrote ${relative(work, outDir)}/stacks/${STACK}/cdk.tf.json.`,
      );
      return 0;
    }
    if (report && !report.healthy) {
      console.log('Gate: FAILED. cdktf synth stopped on these findings:');
      for (const f of report.findings.filter((finding) => finding.acknowledgedReason === undefined)) {
        const where = [f.streamName, f.taskName].filter(Boolean).join('/');
        console.log(`  ${f.ruleId}${where ? `[${where}]` : ''}: ${f.message}`);
        console.log(`    fix: ${f.fix}`);
      }
      return 1;
    }
    // Synth failed before the gate could judge (a lookup or configuration error): show cdktf's words.
    console.log(`cdktf synth failed (exit ${synth.code}) before the gate ran:`);
    for (const line of synth.output.trim().split('\n').slice(-25)) console.log(`  ${line}`);
    return 3;
  } finally {
    await emulator.stop();
    if (values.keep) console.log(`\nKept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const message = err instanceof Error ? err.message : String(err);
    if (err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS_')) {
      console.error(`${message}\nRun \`npm run demo -- --help\` for the options.`);
      process.exit(2);
    }
    console.error(`The demo could not run: ${message}`);
    process.exit(3);
  },
);

#!/usr/bin/env node
// `npm run demo [-- --paused]`: the example stack (examples/dis-transfer-gate) synthesized by the
// real cdktf CLI against the embedded DIS emulator, then the tasks it saw and the gate's verdict.
// Nothing in the repository changes: the emulator runs in a child process (a server in this thread
// would deadlock the synth-time lookup), and cdktf runs in a temporary folder that holds its
// cdktf.json, the context cache and cdktf.out; the folder is removed at the end unless --keep.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative, resolve } = require('node:path');
const { parseArgs } = require('node:util');

const root = resolve(__dirname, '..');
const STACK = 'dis-transfer-gate';
const CDKTF = join(root, 'node_modules', '.bin', 'cdktf');

/** The account of scenarios/demo.json (docs/contracts.md); demo values, not secrets. */
const DEMO_ACCOUNT = {
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  accessKey: 'DEMOAK0000000000000A',
  secretKey: 'demo-secret-key-0000000000000000000000000',
};

const USAGE = `Usage: npm run demo [-- --paused] [-- --keep]

Synthesizes examples/dis-transfer-gate with the real cdktf CLI against the embedded DIS emulator
and prints the transfer tasks the stack saw and the gate's verdict.

Options:
  --paused   use scenarios/demo-paused.json, where orders-to-dli is PAUSED: the gate fails and
             the demo exits with status 1
  --keep     keep the temporary folder (cdktf.json, cdktf.context.json, cdktf.out) and print it
  --help     show this help
`;

/** Environment for cdktf and the app: the emulator as DIS and IAM, the demo account, no telemetry. */
function demoEnv(emulatorUrl) {
  const env = { ...process.env };
  // Real credentials in the caller's environment must not leak into the demo (or its output).
  for (const name of Object.keys(env)) {
    if (/^(HW_|OS_|HUAWEICLOUD_SDK_|DIS_LOOKUP_|CDKTF_)/.test(name)) delete env[name];
  }
  delete env.TF_CLI_CONFIG_FILE; // points at a missing file on some machines: a harmless warning
  return {
    ...env,
    HW_DIS_ENDPOINT: emulatorUrl,
    HW_AUTH_URL: `${emulatorUrl}/v3`,
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

/** The `transfer-tasks` output of the synthesized stack, or undefined when synth stopped early. */
function synthesizedTasks(outDir) {
  const file = join(outDir, 'stacks', STACK, 'cdk.tf.json');
  if (!existsSync(file)) return undefined;
  const output = JSON.parse(readFileSync(file, 'utf8')).output?.['transfer-tasks'];
  return output?.value;
}

/** The gate's findings as the cdktf CLI printed them (one line each, stack traces dropped). */
function gateLines(output) {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /\bDIS-[A-Z]+(-[A-Z]+)*\b/.test(line) && !/^at /.test(line));
}

function printTasks(tasks) {
  const rows = Object.entries(tasks).map(([name, t]) => [name, String(t.state), String(t.destination)]);
  const header = ['TASK', 'STATE', 'DESTINATION'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows])
    console.log(
      '  ' +
        row
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
    );
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
  const lib = join(root, 'lib', 'index.js');
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

    const synth = await run(CDKTF, ['synth', '--output', outDir], { cwd: work, env: demoEnv(emulator.url) });
    const tasks = synthesizedTasks(outDir);
    const findings = gateLines(synth.output);

    if (tasks) {
      console.log('Transfer tasks the stack saw at synth (stream "orders"):');
      printTasks(tasks);
      console.log('');
    }
    if (synth.code === 0) {
      console.log(
        `Gate: PASSED. Every transfer task is RUNNING; cdktf wrote ${relative(work, outDir)}/stacks/${STACK}/cdk.tf.json.`,
      );
      return 0;
    }
    console.log('Gate: FAILED. cdktf synth stopped with these findings:');
    for (const line of findings.length > 0 ? findings : synth.output.trim().split('\n').slice(-20)) {
      console.log(`  ${line}`);
    }
    console.log('');
    console.log('Start the task (or acknowledge the finding in the gate rules) and synthesize again.');
    return 1;
  } finally {
    await emulator.stop();
    if (values.keep) console.log(`\nKept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 3);
  },
);

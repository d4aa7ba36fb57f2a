import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEnv, emulatorAppSuite, PROJECT_ID, REGION, run, runApp } from './helpers';

// Synths that fail, are killed or are refused, as processes (`node main.js` against the emulator in
// a child process): nothing recorded is lost or corrupted (issue 10 item 6, issue 11 items 9, 10).

const suite = emulatorAppSuite();

jest.setTimeout(120_000);

const ordersKey = `dis-transfer-tasks:${REGION}:${PROJECT_ID}:orders`;
const cacheFile = () => join(suite.dir, 'cdktf.context.json');
const withToken = (extra: Record<string, string> = {}) =>
  appEnv(suite.emu, { HW_AUTH_TOKEN: 'demo-token-0000', ...extra });
const listRequests = async () =>
  (await suite.emu.requestLog()).filter((r) => r.route === 'ListTransferTasks');

test('an app that fails after its lookups still records what they fetched, when it exits', async () => {
  const result = await runApp(suite.dir, withToken({ APP_FAIL_BEFORE_SYNTH: '1' }));
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('the app failed after its lookups');
  const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'));
  expect(Object.keys(cache)).toEqual([
    `dis-transfer-tasks:${REGION}:${PROJECT_ID}:*`,
    `dis-transfer-tasks:${REGION}:${PROJECT_ID}:clicks`,
    ordersKey,
  ]);
});

test('a synth killed while it writes the cache leaves a valid file; the next synth cleans up and records', async () => {
  // GIVEN a large committed cache (so that writing it takes a while)
  const big: Record<string, unknown> = {};
  for (let i = 0; i < 20_000; i++) {
    big[`dis-transfer-tasks:${REGION}:${PROJECT_ID}:s${i}`] = {
      fetchedAt: '2026-11-28T00:00:00.000Z',
      totalNumber: 1,
      tasks: [{ taskName: `s${i}-to-obs`, state: 'RUNNING', destinationType: 'OBS', createTime: i }],
      warnings: [],
    };
  }
  const original = JSON.stringify(big);
  let caught = false;
  for (let attempt = 0; attempt < 8 && !caught; attempt++) {
    writeFileSync(cacheFile(), original);
    rmSync(`${cacheFile()}.lock`, { recursive: true, force: true });
    // WHEN a synth is killed (SIGKILL) as soon as its temporary file appears
    await killDuringWrite();
    // THEN the cache file is valid JSON whatever the moment: the old content while a temporary file
    // is left (killed before the rename), or the new one (the rename won the race with the kill)
    const text = readFileSync(cacheFile(), 'utf8');
    const parsed = JSON.parse(text);
    const leftovers = readdirSync(suite.dir).filter((f) => f.endsWith('.tmp'));
    if (leftovers.length > 0) {
      caught = true;
      expect(text).toBe(original);
      expect(leftovers).toHaveLength(1);
    } else {
      expect(parsed[`dis-transfer-tasks:${REGION}:${PROJECT_ID}:s0`]).toBeDefined();
    }
  }
  expect(caught).toBe(true);
  // WHEN the killed synth's lock has gone stale (10 s, simulated by dating it back) and synth runs again
  const longAgo = new Date(Date.now() - 60_000);
  if (existsSync(`${cacheFile()}.lock`)) utimesSync(`${cacheFile()}.lock`, longAgo, longAgo);
  const again = await runApp(suite.dir, withToken({ APP_SINGLE: '1' }));
  // THEN it records, keeps every entry, and leaves neither temporary file nor lock
  expect([again.code, again.stderr]).toEqual([0, '']);
  const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'));
  expect(Object.keys(cache)).toHaveLength(20_001);
  expect(cache[ordersKey]).toBeDefined();
  expect(readdirSync(suite.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
});

/** Runs a synth and SIGKILLs it the moment a temporary file of the cache appears (or lets it finish). */
function killDuringWrite(): Promise<'killed' | 'finished'> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['main.js'], {
      cwd: suite.dir,
      env: withToken({ APP_SINGLE: '1' }),
      stdio: 'ignore',
    });
    let finished = false;
    child.on('exit', () => {
      finished = true;
    });
    const poll = (): void => {
      if (readdirSync(suite.dir).some((f) => f.startsWith('cdktf.context.json.') && f.endsWith('.tmp'))) {
        child.kill('SIGKILL');
        child.on('exit', () => done('killed'));
        return;
      }
      if (finished) return done('finished');
      setImmediate(poll);
    };
    poll();
  });
}

test('a folder where the cache cannot be written stops the lookup before it asks DIS', async () => {
  // GIVEN an app folder the synth may read but not write. Root writes anywhere: as root, the app
  // runs as \`nobody\` (setpriv) in a folder root owns.
  const asRoot = process.getuid?.() === 0;
  chmodSync(suite.dir, asRoot ? 0o755 : 0o555);
  const out = mkdtempSync(join(tmpdir(), 'dis-live-out-'));
  if (asRoot) chownSync(out, 65534, 65534);
  const synth = (extra: Record<string, string>) => {
    const env = withToken({ APP_SINGLE: '1', CDKTF_OUTDIR: out, ...extra });
    return asRoot
      ? run(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, 'main.js'],
          suite.dir,
          env,
        )
      : runApp(suite.dir, env);
  };
  try {
    // WHEN
    const result = await synth({});
    // THEN it fails with the folder, the errno and the fix, and DIS was not asked
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `DIS_CONTEXT_FILE_ACCESS: Cannot write the context cache file ${cacheFile()}: ${suite.dir} is not writable (EACCES).`,
    );
    expect(result.stderr).toContain('set DIS_LOOKUP_MODE=live');
    expect(await listRequests()).toHaveLength(0);
    // AND in mode live, which records nothing, the same synth works
    const live = await synth({ DIS_LOOKUP_MODE: 'live' });
    expect([live.code, live.stderr]).toEqual([0, '']);
    expect(existsSync(cacheFile())).toBe(false);
  } finally {
    chmodSync(suite.dir, 0o755);
    rmSync(out, { recursive: true, force: true });
  }
});

// The abandoned call: the bridge gives up at a 1 ms hard timeout, before the worker has even
// started. The script catches the failure and waits (at most 20 s) until the worker says it ended
// the call; the emulator must have seen no request. Without the abort, the worker would start, send
// its requests, and never say so.
const ABANDON = `
const { App, TerraformStack } = require('cdktf');
const synckit = require(require.resolve('synckit', { paths: [process.env.DIS_PACKAGE_ROOT] }));
const start = synckit.startWorkerThread;
let flag;
synckit.startWorkerThread = (...a) => { const call = start(...a); return (request) => { flag = request.abort; return call(request); }; };
const { DisTransferTasks, LookupMode } = require(process.env.DIS_PACKAGE_ROOT);
try {
  new DisTransferTasks(new TerraformStack(new App(), 's'), 'Orders', { streamName: 'orders', mode: LookupMode.LIVE, timeoutMs: 1 });
  console.log('no failure');
} catch (e) {
  console.log(e.code, e.cause && e.cause.code);
  console.log(Atomics.wait(flag, 0, 1, 20000) === 'timed-out' && Atomics.load(flag, 0) !== 2 ? 'worker still running' : 'worker ended the call');
}
`;

test('after the hard timeout the abandoned call is ended by its worker and sends no request', async () => {
  const result = await run(
    process.execPath,
    ['-e', ABANDON],
    suite.dir,
    withToken({ DIS_LOOKUP_TIMEOUT_MS: '1' }),
  );
  expect(result.stdout.trim().split('\n')).toEqual([
    'DIS_LOOKUP_FAILED DIS_LOOKUP_BRIDGE',
    'worker ended the call',
  ]);
  expect(await suite.emu.requestLog()).toEqual([]);
});

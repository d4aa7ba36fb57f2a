import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import {
  appEnv,
  bareAppEnv,
  emulatorAppSuite,
  ORDERS_TASKS,
  PROJECT_ID,
  REGION,
  runApp,
  runCdktfSynth,
  type RunResult,
} from './helpers';

// Issue 10 items 1 and 2 end to end, with the real cdktf CLI and the emulator in a child process:
// the committed cache serves a teammate with nothing configured, an ambiguous cache says how to pin
// a target, and maxAge re-fetches what is too old. The steps a test is about run `cdktf synth`; the
// steps that only prepare or follow them run the app as `node main.js`, which is what the CLI runs.

const suite = emulatorAppSuite();

// Real CLI runs on a loaded two-core CI machine.
jest.setTimeout(240_000);

const cacheFile = () => join(suite.dir, 'cdktf.context.json');
const cache = () =>
  JSON.parse(readFileSync(cacheFile(), 'utf8')) as Record<
    string,
    { fetchedAt: string; tasks: Array<{ state: string }> }
  >;
const stackJson = () =>
  readFileSync(join(suite.dir, 'cdktf.out', 'stacks', 'lookups', 'cdk.tf.json'), 'utf8');
const requests = async () => (await suite.emu.requestLog()).length;
const ok = (r: RunResult) =>
  expect({ code: r.code, stderr: r.stderr.replace(/\s+$/, '') }).toEqual({ code: 0, stderr: '' });

test('synth from the committed cache with no HW_* variable at all: no request, no credentials, the same stack', async () => {
  // GIVEN a synth with credentials that recorded the lookups (the commit)
  ok(await runApp(suite.dir, appEnv(suite.emu, { HW_AUTH_TOKEN: 'demo-token-0000' })));
  const committed = stackJson();
  const recorded = readFileSync(cacheFile(), 'utf8');
  await suite.emu.reset();
  // WHEN a teammate synthesizes with nothing configured, in the default mode (auto)
  const teammate = await runCdktfSynth(suite.dir, bareAppEnv());
  // THEN the synth works from the cache alone: the same stack, the cache unchanged, no request (IAM included)
  ok(teammate);
  expect(stackJson()).toBe(committed);
  expect(readFileSync(cacheFile(), 'utf8')).toBe(recorded);
  expect(await requests()).toBe(0);
});

test('a stream recorded for two projects stops synth with the candidates and how to pin one; cdktf.json context pins it', async () => {
  // GIVEN a cache that holds stream "orders" for two projects (and nothing configured)
  const other = 'fedcba9876543210fedcba9876543210';
  const entry = (projectId: string, state: string) =>
    TransferTasksContext.entry({
      region: REGION,
      projectId,
      streamName: 'orders',
      tasks: ORDERS_TASKS.map((t) => ({ ...t, state })),
    });
  const mine = entry(PROJECT_ID, 'RUNNING');
  const theirs = entry(other, 'PAUSED');
  writeFileSync(cacheFile(), JSON.stringify({ [mine.key]: mine.value, [theirs.key]: theirs.value }));
  // WHEN
  const ambiguous = await runCdktfSynth(suite.dir, bareAppEnv({ APP_SINGLE: '1' }));
  // THEN
  expect(ambiguous.code).not.toBe(0);
  const text = ambiguous.stdout + ambiguous.stderr;
  expect(text).toContain(
    'DIS_LOOKUP_AMBIGUOUS_TARGET: [lookups/OrdersTasks] Stream "orders" is recorded for 2 regions and projects',
  );
  expect(text).toContain(`- region ${REGION}, project ${PROJECT_ID}: ${mine.key} in ${cacheFile()}`);
  expect(text).toContain(`- region ${REGION}, project ${other}: ${theirs.key} in ${cacheFile()}`);
  expect(text).toContain('"dis-transfer-tasks:region" and "dis-transfer-tasks:projectId"');
  // WHEN the team pins the project in cdktf.json, as the README's team workflow says
  const cdktfJson = JSON.parse(readFileSync(join(suite.dir, 'cdktf.json'), 'utf8'));
  cdktfJson.context = { 'dis-transfer-tasks:projectId': other };
  writeFileSync(join(suite.dir, 'cdktf.json'), JSON.stringify(cdktfJson, null, 2));
  const pinned = await runCdktfSynth(suite.dir, bareAppEnv({ APP_SINGLE: '1' }));
  // THEN that project's entry is used, without a request
  ok(pinned);
  const outputs = Object.values(JSON.parse(stackJson()).output) as Array<{ value: unknown }>;
  expect(outputs.map((o) => o.value)).toContainEqual({
    'orders-to-dli': 'PAUSED',
    'orders-to-obs': 'PAUSED',
  });
  expect(await requests()).toBe(0);
});

test('maxAge: an entry older than the limit is fetched again and recorded; a fresh one is not', async () => {
  // GIVEN a committed entry two days old, when both tasks were PAUSED (they run now)
  const old = TransferTasksContext.entry({
    region: REGION,
    projectId: PROJECT_ID,
    streamName: 'orders',
    fetchedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    tasks: ORDERS_TASKS.map((t) => ({ ...t, state: 'PAUSED' })),
  });
  writeFileSync(cacheFile(), JSON.stringify({ [old.key]: old.value }));
  const env = appEnv(suite.emu, {
    HW_AUTH_TOKEN: 'demo-token-0000',
    APP_SINGLE: '1',
    APP_MAX_AGE_HOURS: '24',
  });
  // WHEN
  ok(await runCdktfSynth(suite.dir, env));
  // THEN the entry was fetched again and recorded
  const refreshed = cache()[old.key];
  expect(refreshed.tasks.map((t) => t.state)).toEqual(['RUNNING', 'RUNNING']);
  expect(Date.parse(refreshed.fetchedAt)).toBeGreaterThan(
    Date.parse((old.value as { fetchedAt: string }).fetchedAt),
  );
  expect((await suite.emu.requestLog()).filter((r) => r.route === 'ListTransferTasks')).toHaveLength(1);
  // AND the next synth, within the limit, reads the cache
  await suite.emu.reset();
  ok(await runApp(suite.dir, env));
  expect(await requests()).toBe(0);
});

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { PROJECT_ID, REGION, appEnv, copyLookupApp, readTree, runApp, runCdktfSynth } from './helpers';

// End to end with the real cdktf CLI: synth against the emulator, then again with the emulator
// stopped in offline mode; the synthesized stack must be identical.
let emu: EmulatorHandle | undefined;
let dir: string;

beforeEach(async () => {
  emu = await startEmulatorProcess();
  dir = copyLookupApp();
});
afterEach(async () => {
  await emu?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const stackJson = () => readFileSync(join(dir, 'cdktf.out', 'stacks', 'lookups', 'cdk.tf.json'), 'utf8');

// Real CLI runs and several Node processes: generous on a loaded two-core CI machine.
jest.setTimeout(240_000);

test('cdktf synth records the lookups, and offline synth without the service gives identical output', async () => {
  // GIVEN a synth against the emulator, mode auto
  const online = await runCdktfSynth(dir, appEnv(emu, { HW_AUTH_TOKEN: 'demo-token-0000' }));
  expect(online.stderr).not.toMatch(/error/i);
  expect(online.code).toBe(0);
  const first = stackJson();
  const outputs = JSON.parse(first).output;
  const values = Object.entries(outputs).map(([name, o]) => [
    name.replace(/_[0-9A-F]{8}$/, ''),
    (o as { value: unknown }).value,
  ]);
  expect(Object.fromEntries(values)).toMatchObject({
    running_tasks: ['orders-to-dli', 'orders-to-obs'],
    stream_count: 2,
    OrdersTasks_task_names: ['orders-to-dli', 'orders-to-obs'],
    AllStreams_task_states: {
      clicks: { 'clicks-to-obs': 'RUNNING' },
      orders: { 'orders-to-dli': 'RUNNING', 'orders-to-obs': 'RUNNING' },
    },
  });
  const cache = JSON.parse(readFileSync(join(dir, 'cdktf.context.json'), 'utf8'));
  expect(Object.keys(cache)).toEqual([
    `dis-transfer-tasks:${REGION}:${PROJECT_ID}:*`,
    `dis-transfer-tasks:${REGION}:${PROJECT_ID}:clicks`,
    `dis-transfer-tasks:${REGION}:${PROJECT_ID}:orders`,
  ]);

  // WHEN the service is gone and lookups are offline, without any credentials
  await emu!.stop();
  emu = undefined;
  rmSync(join(dir, 'cdktf.out'), { recursive: true, force: true });
  const offline = await runCdktfSynth(dir, appEnv(undefined, { DIS_LOOKUP_MODE: 'offline' }));

  // THEN
  expect(offline.code).toBe(0);
  expect(stackJson()).toBe(first);
});

test('offline `node main.js` with an empty cache fails, listing every missing key and the command that fills them', async () => {
  const result = await runApp(dir, appEnv(undefined, { DIS_LOOKUP_MODE: 'offline' }));
  expect(result.code).not.toBe(0);
  const text = result.stdout + result.stderr;
  expect(text).toContain(`dis-transfer-tasks:${REGION}:${PROJECT_ID}:orders`);
  expect(text).toContain('Lookup mode is offline (set by DIS_LOOKUP_MODE)');
  expect(text).toContain('To record them, run `DIS_LOOKUP_MODE=auto npx cdktf synth` once with credentials');
  expect(existsSync(join(dir, 'cdktf.context.json'))).toBe(false);
  expect(Object.keys(readTree(dir))).not.toContain('cdktf.out/stacks/lookups/cdk.tf.json');
});

test('values in the context of cdktf.json win over the cache file', async () => {
  // GIVEN the cache says RUNNING, cdktf.json context says PAUSED
  const task = { taskName: 'orders-to-obs', destinationType: 'OBS', createTime: 1 };
  const entry = (state: string) =>
    TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 'orders',
      tasks: [{ ...task, state }],
    });
  writeFileSync(
    join(dir, 'cdktf.context.json'),
    JSON.stringify(TransferTasksContext.toContext(entry('RUNNING'))),
  );
  const context = TransferTasksContext.toContext(entry('PAUSED'));
  // WHEN the app runs as the cdktf CLI runs it: cdktf.json's context in CDKTF_CONTEXT_JSON
  const result = await runApp(
    dir,
    appEnv(undefined, {
      DIS_LOOKUP_MODE: 'offline',
      APP_SINGLE: '1',
      CDKTF_CONTEXT_JSON: JSON.stringify(context),
    }),
  );
  // THEN
  expect(result.code).toBe(0);
  const outputs = Object.values(JSON.parse(stackJson()).output) as Array<{ value: unknown }>;
  expect(outputs.map((o) => o.value)).toContainEqual({ 'orders-to-obs': 'PAUSED' });
  expect(outputs.map((o) => o.value)).toContainEqual([]);
});

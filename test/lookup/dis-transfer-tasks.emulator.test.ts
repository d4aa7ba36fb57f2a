import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { DisProjectTransferTasks, DisTransferTasks, LookupMode } from '../../src/lookup/dis-transfer-tasks';
import { lookupWorkerThreadId } from '../../src/lookup/sync-bridge';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { PROJECT_ID, REGION, useEmulatorEnv } from './helpers';

// The emulator runs in a child process: the lookup blocks this thread while it waits for the worker.
let emu: EmulatorHandle;
let dir: string;
let contextFile: string;
let restoreEnv: () => void;

beforeAll(async () => {
  emu = await startEmulatorProcess();
});
afterAll(async () => {
  await emu.stop();
});
beforeEach(async () => {
  await emu.reset();
  dir = mkdtempSync(join(tmpdir(), 'dis-lookup-'));
  contextFile = join(dir, 'cdktf.context.json');
  restoreEnv = useEmulatorEnv(emu);
});
afterEach(() => {
  restoreEnv();
  synthesizeStacks();
  rmSync(dir, { recursive: true, force: true });
});

const ordersKey = `dis-transfer-tasks:${REGION}:${PROJECT_ID}:orders`;
const stacks: TerraformStack[] = [];
const stack = (context: Record<string, unknown> = {}): TerraformStack => {
  const s = new TerraformStack(Testing.app({ context }), 'stack');
  stacks.push(s);
  return s;
};
/** Synthesizes the stacks built so far, as `cdktf synth` would: lookups record into memory, synth writes. */
const synthesizeStacks = (): void => {
  for (const s of stacks.splice(0)) Testing.synth(s);
};
const listRequests = async () => (await emu.requestLog()).filter((r) => r.route === 'ListTransferTasks');
/** The cache file once the stacks built so far are synthesized. */
const recorded = () => {
  synthesizeStacks();
  return JSON.parse(readFileSync(contextFile, 'utf8'));
};

describe('DisTransferTasks against the emulator', () => {
  test('auto: fetches once, records the normalized response, then serves the cache', async () => {
    // WHEN
    const first = new DisTransferTasks(stack(), 'Orders', { streamName: 'orders', contextFile });
    // THEN
    expect(first.source).toBe('api');
    expect(first.taskNames).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(first.tasksInState('RUNNING')).toHaveLength(2);
    expect(first.region).toBe(REGION);
    expect(first.projectId).toBe(PROJECT_ID);
    const file = recorded();
    expect(Object.keys(file)).toEqual([ordersKey]);
    expect(file[ordersKey]).toEqual({
      fetchedAt: first.fetchedAt,
      totalNumber: 2,
      quota: expect.any(Number),
      tasks: first.tasks,
      warnings: [],
    });
    expect(readFileSync(contextFile, 'utf8')).toMatch(/^\{\n {2}"dis-transfer-tasks:.*\n\}\n$/s);

    // AND the next synth reads the cache without a request
    const second = new DisTransferTasks(stack(), 'Orders', { streamName: 'orders', contextFile });
    expect(second.source).toBe('cache');
    expect(second.tasks).toEqual(first.tasks);
    expect(await listRequests()).toHaveLength(1);
  });

  test('every lookup of the process is answered by the same worker thread', () => {
    new DisTransferTasks(stack(), 'Orders', { streamName: 'orders', mode: LookupMode.LIVE });
    const first = lookupWorkerThreadId();
    new DisTransferTasks(stack(), 'Clicks', { streamName: 'clicks', mode: LookupMode.LIVE });
    new DisProjectTransferTasks(stack(), 'All', { mode: LookupMode.LIVE });
    expect(first).toBeGreaterThan(0);
    expect(lookupWorkerThreadId()).toBe(first);
  });

  test('refresh fetches although the cache has the key, and records the new state', async () => {
    new DisTransferTasks(stack(), 'Orders', { streamName: 'orders', contextFile });
    await emu.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    const lookup = new DisTransferTasks(stack(), 'Orders', {
      streamName: 'orders',
      contextFile,
      mode: LookupMode.REFRESH,
    });
    expect(lookup.source).toBe('api');
    expect(lookup.findTask('orders-to-dli')?.state).toBe('PAUSED');
    expect(
      recorded()[ordersKey].tasks.find((t: { taskName: string }) => t.taskName === 'orders-to-dli').state,
    ).toBe('PAUSED');
  });

  test('live fetches and records nothing', () => {
    const lookup = new DisTransferTasks(stack(), 'Orders', {
      streamName: 'orders',
      contextFile,
      mode: LookupMode.LIVE,
    });
    expect(lookup.source).toBe('api');
    expect(existsSync(contextFile)).toBe(false);
  });

  test('a broken cache file stops auto and refresh, is never overwritten, and does not concern live', () => {
    // GIVEN
    const broken = '{ "dis-transfer-tasks:x": ';
    writeFileSync(contextFile, broken);
    // WHEN / THEN
    for (const mode of [LookupMode.AUTO, LookupMode.REFRESH]) {
      expect(
        () => new DisTransferTasks(stack(), 'Orders', { streamName: 'orders', contextFile, mode }),
      ).toThrow(
        expect.objectContaining({ code: 'DIS_CONTEXT_FILE_INVALID', file: contextFile, line: 1, column: 27 }),
      );
    }
    const live = new DisTransferTasks(stack(), 'Orders', {
      streamName: 'orders',
      contextFile,
      mode: LookupMode.LIVE,
    });
    expect(live.totalNumber).toBe(2);
    expect(readFileSync(contextFile, 'utf8')).toBe(broken);
  });

  test('the mode can come from DIS_LOOKUP_MODE', async () => {
    process.env.DIS_LOOKUP_MODE = 'live';
    new DisTransferTasks(stack(), 'Orders', { streamName: 'orders', contextFile });
    expect(existsSync(contextFile)).toBe(false);
    expect(await listRequests()).toHaveLength(1);
  });

  test('cdktf context wins: no request is sent', async () => {
    const given = TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 'orders',
      tasks: [],
    });
    const lookup = new DisTransferTasks(stack(TransferTasksContext.toContext(given)), 'Orders', {
      streamName: 'orders',
      contextFile,
    });
    expect(lookup.source).toBe('context');
    expect(lookup.tasks).toEqual([]);
    expect(await emu.requestLog()).toHaveLength(0);
  });

  test('a service error names path, stream, project and fix; the client error crosses intact; nothing is recorded', () => {
    let error: unknown;
    try {
      new DisTransferTasks(stack(), 'Nope', { streamName: 'no-such-stream', contextFile });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'DIS_LOOKUP_FAILED',
      causeCode: 'DIS_API_ERROR',
      message: expect.stringContaining(
        `[stack/Nope] Could not look up the transfer tasks of stream "no-such-stream" in project ${PROJECT_ID}, region ${REGION}:`,
      ),
    });
    expect((error as Error).message).toContain('DIS_LOOKUP_MODE=offline');
    const cause = (error as Error).cause;
    expect(cause).toMatchObject({
      name: 'DisApiError',
      code: 'DIS_API_ERROR',
      httpStatus: 400,
      serviceCode: 'DIS.4301',
      requestId: expect.stringMatching(/.+/),
    });
    expect(existsSync(contextFile)).toBe(false);
  });

  test('explicit token credentials are used and never recorded', async () => {
    restoreEnv();
    restoreEnv = useEmulatorEnv(emu, { HW_AUTH_TOKEN: undefined });
    const lookup = new DisTransferTasks(stack(), 'Orders', {
      streamName: 'orders',
      contextFile,
      credentials: { authToken: 'demo-token-0000' },
    });
    expect(lookup.totalNumber).toBe(2);
    expect(Object.keys(recorded())).toEqual([ordersKey]);
    expect(readFileSync(contextFile, 'utf8')).not.toContain('demo-token-0000');
  });

  test('without a project id the client resolves it through IAM, and the key uses it', () => {
    restoreEnv();
    restoreEnv = useEmulatorEnv(emu, { HW_PROJECT_ID: undefined });
    const lookup = new DisTransferTasks(stack(), 'Orders', { streamName: 'orders', contextFile });
    expect(lookup.projectId).toBe(PROJECT_ID);
    expect(Object.keys(recorded())).toEqual([ordersKey]);
  });

  test('outputs hold the fetched names and states after a full synth', () => {
    const s = stack();
    const lookup = new DisTransferTasks(s, 'Orders', { streamName: 'orders', contextFile, outputs: true });
    const dir = Testing.fullSynth(s);
    const tf = JSON.parse(readFileSync(join(dir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8'));
    expect(tf.output[lookup.taskStatesOutput!.friendlyUniqueId].value).toEqual({
      'orders-to-dli': 'RUNNING',
      'orders-to-obs': 'RUNNING',
    });
  });
});

describe('mustExist: false, for a stream the same stack creates', () => {
  const newKey = `dis-transfer-tasks:${REGION}:${PROJECT_ID}:new-stream`;

  test('a stream that does not exist gives an empty snapshot that says so, and is not recorded', async () => {
    // GIVEN no stream "new-stream" in the project
    const before = Date.now();
    // WHEN
    const lookup = new DisTransferTasks(stack(), 'New', {
      streamName: 'new-stream',
      contextFile,
      mustExist: false,
    });
    // THEN
    expect(lookup.streamExists).toBe(false);
    expect(lookup.snapshot).toMatchObject({
      streamName: 'new-stream',
      region: REGION,
      projectId: PROJECT_ID,
      streamExists: false,
      tasks: [],
      totalNumber: 0,
      warnings: [],
      source: 'api',
    });
    expect(Date.parse(lookup.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(existsSync(contextFile)).toBe(false);
    // AND the next synth asks again
    new DisTransferTasks(stack(), 'New', { streamName: 'new-stream', contextFile, mustExist: false });
    expect(await listRequests()).toHaveLength(2);
  });

  test('a stream that exists is looked up and recorded as usual', () => {
    const lookup = new DisTransferTasks(stack(), 'Orders', {
      streamName: 'orders',
      contextFile,
      mustExist: false,
    });
    expect(lookup.streamExists).toBe(true);
    expect(lookup.taskNames).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(Object.keys(recorded())).toEqual([ordersKey]);
  });

  test('refresh removes the entry of a stream that no longer exists and keeps the others', () => {
    // GIVEN a cache that recorded "new-stream" when it existed, and "orders"
    new DisTransferTasks(stack(), 'Orders', { streamName: 'orders', contextFile });
    const old = TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 'new-stream',
      tasks: [],
    });
    writeFileSync(contextFile, JSON.stringify({ ...recorded(), [old.key]: old.value }));
    // WHEN a refresh finds it gone
    const lookup = new DisTransferTasks(stack(), 'New', {
      streamName: 'new-stream',
      contextFile,
      mustExist: false,
      mode: LookupMode.REFRESH,
    });
    // THEN
    expect(lookup.streamExists).toBe(false);
    expect(recorded()).not.toHaveProperty([newKey]);
    expect(Object.keys(recorded())).toEqual([ordersKey]);
  });

  test('a value recorded earlier is used as it is in mode auto, and says the stream exists', async () => {
    const old = TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 'new-stream',
      tasks: [],
    });
    writeFileSync(contextFile, JSON.stringify({ [old.key]: old.value }));
    const lookup = new DisTransferTasks(stack(), 'New', {
      streamName: 'new-stream',
      contextFile,
      mustExist: false,
    });
    expect([lookup.source, lookup.streamExists]).toEqual(['cache', true]);
    expect(await listRequests()).toHaveLength(0);
  });

  test('with the default, a stream that does not exist still fails synth', () => {
    expect(() => new DisTransferTasks(stack(), 'New', { streamName: 'new-stream', contextFile })).toThrow(
      expect.objectContaining({ code: 'DIS_LOOKUP_FAILED', message: expect.stringContaining('new-stream') }),
    );
  });
});

describe('DisProjectTransferTasks against the emulator', () => {
  test('lists every stream with its tasks in one bridge call and records list and streams', async () => {
    const project = new DisProjectTransferTasks(stack(), 'All', { contextFile, concurrency: 2 });
    expect(project.streamNames).toEqual(['clicks', 'orders']);
    expect(project.findSnapshot('clicks')?.tasks.map((t) => t.taskName)).toEqual(['clicks-to-obs']);
    expect(project.snapshots.every((s) => s.source === 'api')).toBe(true);
    expect(Object.keys(recorded())).toEqual([
      `dis-transfer-tasks:${REGION}:${PROJECT_ID}:*`,
      `dis-transfer-tasks:${REGION}:${PROJECT_ID}:clicks`,
      ordersKey,
    ]);
    // AND offline synth reads it all back
    const offline = new DisProjectTransferTasks(stack(), 'All', { contextFile, mode: LookupMode.OFFLINE });
    expect(offline.snapshots.map((s) => [s.streamName, s.source])).toEqual([
      ['clicks', 'cache'],
      ['orders', 'cache'],
    ]);
    expect(await listRequests()).toHaveLength(2);
  });
});

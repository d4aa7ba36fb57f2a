import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { MemoryContextStore } from '../../src/lookup/context-store';
import { DisProjectTransferTasks, DisTransferTasks, LookupMode } from '../../src/lookup/dis-transfer-tasks';
import { Duration } from '../../src/lookup/duration';
import { ORDERS_TASKS, PROJECT_ID, REGION } from './helpers';

const orders = TransferTasksContext.entry({
  region: REGION,
  projectId: PROJECT_ID,
  streamName: 'orders',
  tasks: ORDERS_TASKS,
  quota: 3,
  fetchedAt: '2026-11-28T10:00:00.000Z',
});
const target = { region: REGION, projectId: PROJECT_ID };
const afterTest: Array<() => void> = [];
afterEach(() => afterTest.splice(0).forEach((f) => f()));

function stackWith(context: Record<string, unknown> = {}): TerraformStack {
  return new TerraformStack(Testing.app({ context }), 'stack');
}

describe('DisTransferTasks from cdktf context and the cache', () => {
  test('typed values come from cdktf context, tasks ordered by name', () => {
    // GIVEN
    const stack = stackWith(TransferTasksContext.toContext(orders));
    // WHEN
    const lookup = new DisTransferTasks(stack, 'Orders', {
      streamName: 'orders',
      ...target,
      contextStore: new MemoryContextStore(),
    });
    // THEN
    expect(lookup.source).toBe('context');
    expect(lookup.taskNames).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(lookup.totalNumber).toBe(2);
    expect(lookup.quota).toBe(3);
    expect(lookup.fetchedAt).toBe('2026-11-28T10:00:00.000Z');
    expect(lookup.findTask('orders-to-obs')?.taskId).toBe('t-2');
    expect(lookup.findTask('nope')).toBeUndefined();
    expect(lookup.tasksInState('PAUSED').map((t) => t.taskName)).toEqual(['orders-to-dli']);
    expect(lookup.snapshots).toEqual([
      expect.objectContaining({
        streamName: 'orders',
        projectId: PROJECT_ID,
        region: REGION,
        source: 'context',
      }),
    ]);
    expect(lookup.allStreams).toBe(false);
    expect(lookup.region).toBe(REGION);
    expect(lookup.projectId).toBe(PROJECT_ID);
  });

  test.each([LookupMode.AUTO, LookupMode.OFFLINE])('mode %s reads the cache', (mode) => {
    const store = new MemoryContextStore({ [orders.key]: orders.value });
    const lookup = new DisTransferTasks(stackWith(), 'Orders', {
      streamName: 'orders',
      ...target,
      mode,
      contextStore: store,
    });
    expect(lookup.source).toBe('cache');
    expect(lookup.taskNames).toEqual(['orders-to-dli', 'orders-to-obs']);
  });

  test('cdktf context wins over the cache, even in live mode', () => {
    const cached = TransferTasksContext.entry({ ...target, streamName: 'orders', tasks: [] });
    const store = new MemoryContextStore({ [cached.key]: cached.value });
    for (const mode of [LookupMode.AUTO, LookupMode.LIVE, LookupMode.REFRESH]) {
      const lookup = new DisTransferTasks(stackWith(TransferTasksContext.toContext(orders)), 'Orders', {
        streamName: 'orders',
        ...target,
        mode,
        contextStore: store,
      });
      expect(lookup.source).toBe('context');
      expect(lookup.totalNumber).toBe(2);
    }
  });

  test('the mode can come from cdktf context', () => {
    const stack = stackWith({ 'dis-transfer-tasks:mode': 'offline' });
    const lookup = new DisTransferTasks(stack, 'Orders', {
      streamName: 'orders',
      ...target,
      contextStore: new MemoryContextStore(),
    });
    expect(() => lookup.tasks).toThrow(expect.objectContaining({ code: 'DIS_LOOKUP_MISSING' }));
    expect(() => lookup.tasks).toThrow(
      'To record them, set "dis-transfer-tasks:mode" to "auto" in the context of cdktf.json (or the App) and synth once with credentials',
    );
  });

  test('DIS_LOOKUP_MODE overrides the mode prop: the person running synth decides', () => {
    // GIVEN a lookup written for live mode, and an operator who runs synth offline
    const saved = process.env.DIS_LOOKUP_MODE;
    process.env.DIS_LOOKUP_MODE = 'offline';
    afterTest.push(() => {
      if (saved === undefined) delete process.env.DIS_LOOKUP_MODE;
      else process.env.DIS_LOOKUP_MODE = saved;
    });
    // WHEN
    const lookup = new DisTransferTasks(stackWith(), 'Orders', {
      streamName: 'orders',
      ...target,
      mode: LookupMode.LIVE,
      endpoint: 'http://127.0.0.1:9',
      contextStore: new MemoryContextStore(),
    });
    // THEN nothing was fetched: the lookup is an offline miss, and says where offline was set
    expect(() => lookup.tasks).toThrow('Lookup mode is offline (set by DIS_LOOKUP_MODE)');
  });

  test('outputs: task names and states, sorted, under names derived from the construct path', () => {
    const stack = stackWith(TransferTasksContext.toContext(orders));
    const lookup = new DisTransferTasks(stack, 'OrdersTasks', {
      streamName: 'orders',
      ...target,
      outputs: true,
    });
    const text = Testing.synth(stack);
    const output = JSON.parse(text).output;
    expect(Object.keys(output)).toEqual([
      'OrdersTasks_task_names_EAF9D561',
      'OrdersTasks_task_states_F7353180',
    ]);
    expect(output.OrdersTasks_task_names_EAF9D561.value).toEqual(['orders-to-dli', 'orders-to-obs']);
    expect(JSON.stringify(output.OrdersTasks_task_states_F7353180.value)).toBe(
      '{"orders-to-dli":"PAUSED","orders-to-obs":"RUNNING"}',
    );
    expect(lookup.taskNamesOutput?.friendlyUniqueId).toBe('OrdersTasks_task_names_EAF9D561');
  });

  test('without outputs: true, no outputs are created', () => {
    const stack = stackWith(TransferTasksContext.toContext(orders));
    new DisTransferTasks(stack, 'Orders', { streamName: 'orders', ...target });
    expect(JSON.parse(Testing.synth(stack)).output).toBeUndefined();
  });
});

describe('DisTransferTasks refuses what cannot work', () => {
  test('an unresolved token in a prop is refused with the prop name and how to pass a literal', () => {
    const stack = stackWith(TransferTasksContext.toContext(orders));
    const name = new TerraformVariable(stack, 'stream', { type: 'string' });
    expect(() => new DisTransferTasks(stack, 'Orders', { streamName: name.stringValue, ...target })).toThrow(
      expect.objectContaining({
        code: 'DIS_LOOKUP_UNRESOLVED_TOKEN',
        message: expect.stringMatching(
          /^DIS_LOOKUP_UNRESOLVED_TOKEN: \[stack\/Orders\] The prop "streamName" holds an unresolved Terraform token.*Pass a literal string/s,
        ),
      }),
    );
  });

  test('a token nested in credentials is refused too', () => {
    const stack = stackWith();
    const token = new TerraformVariable(stack, 'tok', { type: 'string' });
    expect(
      () =>
        new DisTransferTasks(stack, 'Orders', {
          streamName: 'orders',
          ...target,
          credentials: { authToken: token.stringValue },
        }),
    ).toThrow(/The prop "credentials.authToken" holds an unresolved Terraform token/);
  });

  test('a hand-broken cached value names the key and the store', () => {
    const store = new MemoryContextStore({
      [orders.key]: { fetchedAt: 'yesterday', totalNumber: 1, tasks: [] },
    });
    expect(
      () =>
        new DisTransferTasks(stackWith(), 'Orders', { streamName: 'orders', ...target, contextStore: store }),
    ).toThrow(
      expect.objectContaining({
        code: 'DIS_CONTEXT_VALUE_INVALID',
        message: expect.stringContaining(
          `"${orders.key}" in the context store is not a recorded transfer-task lookup: fetchedAt`,
        ),
      }),
    );
  });

  test('a broken value given as cdktf context names cdktf context as its origin', () => {
    const context = { [orders.key]: { fetchedAt: 'yesterday', totalNumber: 1, tasks: [] } };
    expect(
      () =>
        new DisTransferTasks(stackWith(context), 'Orders', {
          streamName: 'orders',
          ...target,
          contextStore: new MemoryContextStore(),
        }),
    ).toThrow(`"${orders.key}" in cdktf context is not a recorded transfer-task lookup: fetchedAt`);
  });

  test('offline mode without a project id says which props or variables to set', () => {
    const saved = { ...process.env };
    delete process.env.HW_PROJECT_ID;
    delete process.env.HUAWEICLOUD_SDK_PROJECT_ID;
    try {
      expect(
        () =>
          new DisTransferTasks(stackWith(), 'Orders', {
            streamName: 'orders',
            region: REGION,
            mode: LookupMode.OFFLINE,
          }),
      ).toThrow(
        /\[stack\/Orders\] Offline lookups need the region and the project id .* the project id is not set, and neither cdktf context nor .* records the stream to take it from\. Set the `region` and `projectId` props, the cdktf context keys "dis-transfer-tasks:region" and "dis-transfer-tasks:projectId", or HW_REGION_NAME and HW_PROJECT_ID/,
      );
    } finally {
      process.env = saved;
    }
  });
});

describe('offline mode with missing keys', () => {
  test('every missing key of the app is listed in one synth error with the command that fills them', () => {
    // GIVEN two stacks, three lookups, two of them missing
    const app = Testing.app({ context: TransferTasksContext.toContext(orders) });
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    const opts = { ...target, mode: LookupMode.OFFLINE, contextStore: new MemoryContextStore() };
    new DisTransferTasks(a, 'Orders', { streamName: 'orders', ...opts });
    const clicks = new DisTransferTasks(a, 'Clicks', { streamName: 'clicks', ...opts });
    new DisTransferTasks(b, 'Views', { streamName: 'views', ...opts });

    // WHEN / THEN: the values are never placeholders
    expect(() => clicks.tasks).toThrow(expect.objectContaining({ code: 'DIS_LOOKUP_MISSING' }));
    // and synth fails once, listing both keys
    let message = '';
    try {
      Testing.fullSynth(a);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(
      `- dis-transfer-tasks:${REGION}:${PROJECT_ID}:clicks  [a/Clicks: stream "clicks"`,
    );
    expect(message).toContain(`- dis-transfer-tasks:${REGION}:${PROJECT_ID}:views  [b/Views: stream "views"`);
    expect(message).not.toContain(':orders ');
    expect(message).toContain(
      'Lookup mode is offline (set by the `mode` prop) and 2 DIS transfer-task lookup(s)',
    );
    expect(message).toContain('To record them, remove `mode: offline` from the lookup');
    expect(message).toContain('Commit that file.');
    expect(message.match(/Lookup mode is offline/g)).toHaveLength(1);
  });

  test('app.synth() fails on the missing keys even when validations are skipped', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'dis-skip-'));
    afterTest.push(() => rmSync(outdir, { recursive: true, force: true }));
    const app = new App({ skipValidation: true, outdir });
    const stack = new TerraformStack(app, 'a');
    new DisTransferTasks(stack, 'Clicks', {
      streamName: 'clicks',
      ...target,
      mode: LookupMode.OFFLINE,
      contextStore: new MemoryContextStore(),
    });
    expect(() => app.synth()).toThrow(/No recorded value for dis-transfer-tasks:cn-north-4:.*:clicks/);
  });
});

describe('DisProjectTransferTasks from context and cache', () => {
  const clicks = TransferTasksContext.entry({
    ...target,
    streamName: 'clicks',
    tasks: [{ taskName: 'clicks-to-obs', state: 'RUNNING', destinationType: 'OBS', createTime: 1 }],
  });
  const list = TransferTasksContext.projectEntry(REGION, PROJECT_ID, ['orders', 'clicks']);

  test('one snapshot per stream, sorted by stream, each with its source', () => {
    // GIVEN the list and one stream in context, the other in the cache
    const store = new MemoryContextStore({ [clicks.key]: clicks.value });
    const stack = stackWith(TransferTasksContext.toContext(list, orders));
    // WHEN
    const project = new DisProjectTransferTasks(stack, 'All', {
      ...target,
      mode: LookupMode.OFFLINE,
      contextStore: store,
    });
    // THEN
    expect(project.allStreams).toBe(true);
    expect(project.streamNames).toEqual(['clicks', 'orders']);
    expect(project.snapshots.map((s) => s.source)).toEqual(['cache', 'context']);
    expect(project.findSnapshot('orders')?.tasks.map((t) => t.taskName)).toEqual([
      'orders-to-dli',
      'orders-to-obs',
    ]);
    expect(project.findSnapshot('views')).toBeUndefined();
  });

  test('outputs map streams to sorted names and states', () => {
    const stack = stackWith(TransferTasksContext.toContext(list, orders, clicks));
    const project = new DisProjectTransferTasks(stack, 'All', { ...target, outputs: true });
    const output = JSON.parse(Testing.synth(stack)).output;
    expect(output[project.taskNamesOutput!.friendlyUniqueId].value).toEqual({
      clicks: ['clicks-to-obs'],
      orders: ['orders-to-dli', 'orders-to-obs'],
    });
    expect(output[project.taskStatesOutput!.friendlyUniqueId].value).toEqual({
      clicks: { 'clicks-to-obs': 'RUNNING' },
      orders: { 'orders-to-dli': 'PAUSED', 'orders-to-obs': 'RUNNING' },
    });
  });

  test('offline: a stream missing from a recorded list is reported by its key', () => {
    const stack = stackWith(TransferTasksContext.toContext(list, orders));
    const project = new DisProjectTransferTasks(stack, 'All', {
      ...target,
      mode: LookupMode.OFFLINE,
      contextStore: new MemoryContextStore(),
    });
    expect(() => project.snapshots).toThrow(
      expect.objectContaining({ code: 'DIS_LOOKUP_MISSING', keys: [clicks.key] }),
    );
  });

  test('offline: a missing stream list is reported as the project key', () => {
    const project = new DisProjectTransferTasks(stackWith(), 'All', {
      ...target,
      mode: LookupMode.OFFLINE,
      contextStore: new MemoryContextStore(),
    });
    expect(() => project.streamNames).toThrow(
      /dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:\* {2}\[stack\/All: stream list/,
    );
  });

  test('an unresolved token in a prop is refused, by the same rule as the stream lookup', () => {
    const stack = stackWith();
    const region = new TerraformVariable(stack, 'region', { type: 'string' });
    expect(
      () => new DisProjectTransferTasks(stack, 'All', { ...target, region: region.stringValue }),
    ).toThrow(
      expect.objectContaining({
        code: 'DIS_LOOKUP_UNRESOLVED_TOKEN',
        message: expect.stringMatching(
          /^DIS_LOOKUP_UNRESOLVED_TOKEN: \[stack\/All\] The prop "region" holds an unresolved Terraform token/,
        ),
      }),
    );
  });

  test('concurrency must be a whole number of at least 1', () => {
    expect(() => new DisProjectTransferTasks(stackWith(), 'All', { ...target, concurrency: 0 })).toThrow(
      expect.objectContaining({ code: 'DIS_LOOKUP_CONFIG' }),
    );
  });
});

describe('maxAge, offline', () => {
  const old = TransferTasksContext.entry({
    ...target,
    streamName: 'orders',
    tasks: ORDERS_TASKS,
    fetchedAt: '2020-01-01T00:00:00.000Z',
  });

  test('a recorded value older than maxAge is an error naming its age and the refresh command', () => {
    let error: unknown;
    try {
      new DisTransferTasks(stackWith(), 'Orders', {
        streamName: 'orders',
        ...target,
        mode: LookupMode.OFFLINE,
        maxAge: Duration.hours(24),
        contextStore: new MemoryContextStore({ [old.key]: old.value }),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'DIS_LOOKUP_STALE',
      stale: [expect.objectContaining({ key: old.key })],
    });
    const message = (error as Error).message;
    expect(message).toContain(
      "[stack/Orders] Lookup mode is offline (set by the `mode` prop), and a value in the context store is older than the lookup's maxAge (1d):",
    );
    expect(message).toMatch(
      new RegExp(`  - ${old.key}: fetched at 2020-01-01T00:00:00.000Z, \\d+d( \\d+h)? ago`),
    );
    expect(message).toContain(`\`npx dis-transfer-tasks context refresh '${old.key}'\``);
  });

  test('values given as cdktf context are exempt: they are test inputs', () => {
    const lookup = new DisTransferTasks(stackWith(TransferTasksContext.toContext(old)), 'Orders', {
      streamName: 'orders',
      ...target,
      mode: LookupMode.OFFLINE,
      maxAge: Duration.minutes(1),
      contextStore: new MemoryContextStore(),
    });
    expect([lookup.source, lookup.fetchedAt]).toEqual(['context', '2020-01-01T00:00:00.000Z']);
  });

  test('a project lookup lists every stale value of the project', () => {
    const list = TransferTasksContext.projectEntry(
      REGION,
      PROJECT_ID,
      ['orders'],
      '2020-01-01T00:00:00.000Z',
    );
    expect(
      () =>
        new DisProjectTransferTasks(stackWith(), 'All', {
          ...target,
          mode: LookupMode.OFFLINE,
          maxAge: Duration.days(1),
          contextStore: new MemoryContextStore({ [list.key]: list.value, [old.key]: old.value }),
        }),
    ).toThrow(
      expect.objectContaining({
        code: 'DIS_LOOKUP_STALE',
        stale: [expect.objectContaining({ key: list.key }), expect.objectContaining({ key: old.key })],
      }),
    );
  });

  test('maxAge must be a Duration', () => {
    expect(
      () =>
        new DisTransferTasks(stackWith(), 'Orders', {
          streamName: 'orders',
          ...target,
          maxAge: 86_400 as unknown as Duration,
          contextStore: new MemoryContextStore(),
        }),
    ).toThrow('[stack/Orders] maxAge must be a Duration, such as Duration.hours(24), got number.');
  });
});

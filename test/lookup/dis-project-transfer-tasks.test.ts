import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DisProjectTransferTasks } from '../../src/lookup/dis-project-transfer-tasks';
import { LookupMode } from '../../src/lookup/lookup-mode';
import { MemoryContextStore } from '../../src/lookup/context-store';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { ORDERS_TASKS, PROJECT_ID, REGION } from './helpers/demo-tasks';

const target = { region: REGION, projectId: PROJECT_ID };
const orders = TransferTasksContext.entry({ ...target, streamName: 'orders', tasks: ORDERS_TASKS });
const clicks = TransferTasksContext.entry({
  ...target,
  streamName: 'clicks',
  tasks: [{ taskName: 'clicks-to-obs', state: 'RUNNING', destinationType: 'OBS', createTime: 1 }],
});
const list = TransferTasksContext.projectEntry(REGION, PROJECT_ID, ['orders', 'clicks']);

function stackWith(context: Record<string, unknown> = {}): TerraformStack {
  return new TerraformStack(Testing.app({ context }), 'stack');
}

describe('DisProjectTransferTasks from context and cache', () => {
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
          /^\[stack\/All\] The prop "region" holds an unresolved Terraform token/,
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

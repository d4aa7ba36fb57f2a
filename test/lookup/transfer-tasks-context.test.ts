import { TransferTasksContext } from '../../src/lookup/transfer-tasks-context';
import { ORDERS_TASKS, PROJECT_ID, REGION } from './helpers/demo-tasks';

describe('TransferTasksContext', () => {
  test('builds the key and the value a lookup would record, with defaults', () => {
    const entry = TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 'orders',
      tasks: ORDERS_TASKS,
    });
    expect(entry.key).toBe(`dis-transfer-tasks:${REGION}:${PROJECT_ID}:orders`);
    expect(entry.value).toEqual({
      fetchedAt: '1970-01-01T00:00:00.000Z',
      totalNumber: 2,
      tasks: [ORDERS_TASKS[1], ORDERS_TASKS[0]],
      warnings: [],
    });
  });

  test('refuses data a lookup would refuse, at once', () => {
    expect(() =>
      TransferTasksContext.entry({
        region: REGION,
        projectId: PROJECT_ID,
        streamName: 'orders',
        tasks: [],
        fetchedAt: 'today',
      }),
    ).toThrow(expect.objectContaining({ code: 'DIS_CONTEXT_VALUE_INVALID' }));
  });

  test('builds the project stream list and merges entries into one context object', () => {
    const list = TransferTasksContext.projectEntry(REGION, PROJECT_ID, ['orders', 'clicks']);
    const orders = TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 'orders',
      tasks: [],
    });
    expect(TransferTasksContext.toContext(list, orders)).toEqual({
      [`dis-transfer-tasks:${REGION}:${PROJECT_ID}:*`]: {
        fetchedAt: '1970-01-01T00:00:00.000Z',
        streams: ['clicks', 'orders'],
      },
      [orders.key]: orders.value,
    });
  });
});

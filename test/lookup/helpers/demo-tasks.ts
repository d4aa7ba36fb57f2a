import type { TransferTask } from '../../../src/client/model';

/** The demo scenario's identity (docs/contracts.md). */
export const REGION = 'cn-north-4';
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';

/** Tasks of stream `orders`, deliberately out of name order. */
export const ORDERS_TASKS: TransferTask[] = [
  {
    taskName: 'orders-to-obs',
    taskId: 't-2',
    state: 'RUNNING',
    destinationType: 'OBS',
    createTime: 1700000000000,
  },
  {
    taskName: 'orders-to-dli',
    state: 'PAUSED',
    destinationType: 'DLI',
    createTime: 1700000001000,
    lastTransferTimestamp: 1700000500000,
  },
];

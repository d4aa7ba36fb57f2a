import { TerraformStack, Testing } from 'cdktf';
import { DisApiError } from '../../src/client/errors';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { flushRecordings, MemoryContextStore } from '../../src/lookup/context-store';
import {
  DisProjectTransferTasks,
  DisTransferTasks,
  LookupMode,
  type DisTransferTasksProps,
} from '../../src/lookup/dis-transfer-tasks';
import { callBridge, type BridgeRequest } from '../../src/lookup/sync-bridge';
import { ORDERS_TASKS, PROJECT_ID, REGION, thrownDisError, withLookupEnv } from './helpers';

// Where a lookup's region and project come from when the props, cdktf context and the environment
// do not give both: the recorded entries of the stream (modes auto and offline), else the client's
// resolveTarget through the bridge (replaced here), which offline mode never calls.
jest.mock('../../src/lookup/sync-bridge', () => ({
  ...jest.requireActual('../../src/lookup/sync-bridge'),
  callBridge: jest.fn(),
}));
const bridge = callBridge as jest.MockedFunction<typeof callBridge>;

const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';
const RESOLVED = { region: 'cn-east-3', projectId: OTHER_PROJECT, endpoint: 'https://dis.example' };
const orders = TransferTasksContext.entry({
  region: REGION,
  projectId: PROJECT_ID,
  streamName: 'orders',
  tasks: ORDERS_TASKS,
});

beforeEach(() => {
  bridge.mockReset();
  bridge.mockImplementation((request: BridgeRequest) => {
    if (request.op === 'resolveTarget') return { target: RESOLVED };
    if (request.op === 'listTransferTasks') {
      return {
        target: { ...RESOLVED, ...request.client },
        result: { totalNumber: 0, tasks: [], warnings: [] },
      };
    }
    throw new Error(`unexpected ${request.op}`);
  });
});
afterEach(() => flushRecordings());

function lookUp(
  store: MemoryContextStore,
  props: Partial<DisTransferTasksProps>,
  env: Record<string, string> = {},
  context: Record<string, unknown> = {},
): DisTransferTasks {
  return withLookupEnv(
    env,
    () =>
      new DisTransferTasks(new TerraformStack(Testing.app({ context }), 'stack'), 'Orders', {
        streamName: 'orders',
        contextStore: store,
        ...props,
      }),
  );
}

const ops = (): string[] => bridge.mock.calls.map(([request]) => request.op);

describe('a target the configuration does not give', () => {
  test('mode auto, nothing recorded: the client resolves it, and the stream is listed there', () => {
    const lookup = lookUp(new MemoryContextStore(), {});
    expect(ops()).toStrictEqual(['resolveTarget', 'listTransferTasks']);
    expect(bridge.mock.calls[0][0].client).toStrictEqual({
      env: expect.any(Object),
      deadlineMs: 30_000,
      deadlineHint: 'the `timeoutMs` prop of the lookup',
    });
    expect(bridge.mock.calls[1][0].client).toMatchObject({ region: 'cn-east-3', projectId: OTHER_PROJECT });
    expect([lookup.region, lookup.projectId]).toStrictEqual(['cn-east-3', OTHER_PROJECT]);
  });

  test('a region that is given is sent with the resolveTarget request', () => {
    lookUp(new MemoryContextStore(), {}, { HW_REGION_NAME: 'cn-east-3' });
    expect(bridge.mock.calls[0][0]).toMatchObject({ op: 'resolveTarget', client: { region: 'cn-east-3' } });
    expect(bridge.mock.calls[0][0].client.projectId).toBeUndefined();
  });

  test('region and project both given: nothing is resolved', () => {
    lookUp(new MemoryContextStore(), {}, { HW_REGION_NAME: REGION, HW_PROJECT_ID: PROJECT_ID });
    expect(ops()).toStrictEqual(['listTransferTasks']);
  });

  test('mode auto: the recorded entry of the stream gives the target, nothing is asked', () => {
    const lookup = lookUp(new MemoryContextStore({ [orders.key]: orders.value }), {});
    expect([lookup.region, lookup.projectId, lookup.source]).toStrictEqual([REGION, PROJECT_ID, 'cache']);
    expect(bridge).not.toHaveBeenCalled();
  });

  test.each([LookupMode.REFRESH, LookupMode.LIVE])(
    'mode %s does not read recorded entries: the client resolves the target',
    (mode) => {
      const lookup = lookUp(new MemoryContextStore({ [orders.key]: orders.value }), { mode });
      expect(ops()).toStrictEqual(['resolveTarget', 'listTransferTasks']);
      expect([lookup.region, lookup.projectId, lookup.source]).toStrictEqual([
        'cn-east-3',
        OTHER_PROJECT,
        'api',
      ]);
    },
  );

  test('a failure to resolve is DIS_LOOKUP_FAILED, naming what was not resolved', () => {
    bridge.mockImplementation(() => {
      throw new DisApiError('DIS_API_ERROR: IAM said no.', { httpStatus: 401 } as never);
    });
    const error = thrownDisError(() => lookUp(new MemoryContextStore(), {}, { HW_REGION_NAME: REGION }));
    expect(error.code).toBe('DIS_LOOKUP_FAILED');
    expect(error.message).toContain(
      `[stack/Orders] Could not look up the transfer tasks of stream "orders" in project (not resolved), region ${REGION}: `,
    );
  });
});

describe('offline mode without a target', () => {
  const offlineError = (env: Record<string, string>): string =>
    thrownDisError(() => lookUp(new MemoryContextStore(), { mode: LookupMode.OFFLINE }, env)).message;

  test('names the region when the region is missing, and never asks the client', () => {
    expect(offlineError({ HW_PROJECT_ID: PROJECT_ID })).toBe(
      'DIS_LOOKUP_CONFIG: [stack/Orders] Offline lookups need the region and the project id to find the recorded value of stream "orders"; ' +
        'the region is not set, and neither cdktf context nor the context store records the stream to take it from. ' +
        'Set the `region` and `projectId` props, the cdktf context keys "dis-transfer-tasks:region" and "dis-transfer-tasks:projectId", or HW_REGION_NAME and HW_PROJECT_ID.',
    );
    expect(offlineError({})).toContain('; the region is not set,');
    expect(offlineError({ HW_REGION_NAME: REGION })).toContain('; the project id is not set,');
    expect(bridge).not.toHaveBeenCalled();
  });

  test('a project lookup names the stream list', () => {
    const error = thrownDisError(() =>
      withLookupEnv(
        {},
        () =>
          new DisProjectTransferTasks(new TerraformStack(Testing.app(), 'stack'), 'All', {
            mode: LookupMode.OFFLINE,
            contextStore: new MemoryContextStore(),
          }),
      ),
    );
    expect(error.message).toContain('to find the recorded value of the stream list; the region is not set');
    expect(error.details).toMatchObject({ constructPath: 'stack/All', streamName: '*' });
  });
});

describe('region and project from cdktf context keys', () => {
  test('are trimmed', () => {
    const lookup = lookUp(
      new MemoryContextStore({ [orders.key]: orders.value }),
      { mode: LookupMode.OFFLINE },
      {},
      {
        'dis-transfer-tasks:region': ` ${REGION} `,
        'dis-transfer-tasks:projectId': ` ${PROJECT_ID}\n`,
      },
    );
    expect([lookup.region, lookup.projectId]).toStrictEqual([REGION, PROJECT_ID]);
  });

  test('an empty or null value counts as unset: the environment is read', () => {
    const lookup = lookUp(
      new MemoryContextStore({ [orders.key]: orders.value }),
      { mode: LookupMode.OFFLINE },
      { HW_REGION_NAME: REGION, HW_PROJECT_ID: PROJECT_ID },
      { 'dis-transfer-tasks:region': '', 'dis-transfer-tasks:projectId': null },
    );
    expect([lookup.region, lookup.projectId]).toStrictEqual([REGION, PROJECT_ID]);
  });

  test('a value that is not a string is read as text and checked, named by its key', () => {
    const error = thrownDisError(() =>
      lookUp(new MemoryContextStore(), {}, {}, { 'dis-transfer-tasks:region': 42 }),
    );
    expect(error.message).toMatch(
      /^DIS_LOOKUP_CONFIG: \[stack\/Orders\] cdktf context "dis-transfer-tasks:region" '42' is not valid: /,
    );
  });

  test('a prop wins over them', () => {
    const lookup = lookUp(
      new MemoryContextStore({ [orders.key]: orders.value }),
      { mode: LookupMode.OFFLINE, region: REGION, projectId: PROJECT_ID },
      {},
      { 'dis-transfer-tasks:region': 'cn-east-3', 'dis-transfer-tasks:projectId': OTHER_PROJECT },
    );
    expect([lookup.region, lookup.projectId]).toStrictEqual([REGION, PROJECT_ID]);
  });
});

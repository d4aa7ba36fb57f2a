import { TerraformStack, Testing } from 'cdktf';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { MemoryContextStore } from '../../src/lookup/context-store';
import {
  DisProjectTransferTasks,
  DisTransferTasks,
  LookupMode,
  type DisTransferTasksProps,
} from '../../src/lookup/dis-transfer-tasks';
import { ORDERS_TASKS, PROJECT_ID, REGION, withLookupEnv, thrownDisError } from './helpers';

// Issue 10 item 1: a lookup whose region or project id is not configured takes them from the
// recorded entries of its stream. No endpoint and no credentials are configured here: had a lookup
// asked DIS (or IAM), it would have failed with DIS_LOOKUP_FAILED instead of being served.

const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';
const entry = (region: string, projectId: string, streamName = 'orders') =>
  TransferTasksContext.entry({ region, projectId, streamName, tasks: ORDERS_TASKS });
const orders = entry(REGION, PROJECT_ID);
const ordersElsewhere = entry('cn-east-3', OTHER_PROJECT);
const ordersOtherProject = entry(REGION, OTHER_PROJECT);

function stackWith(context: Record<string, unknown> = {}): TerraformStack {
  return new TerraformStack(Testing.app({ context }), 'stack');
}

function lookUp(
  store: MemoryContextStore,
  props: Partial<DisTransferTasksProps> = {},
  context: Record<string, unknown> = {},
): DisTransferTasks {
  return new DisTransferTasks(stackWith(context), 'Orders', {
    streamName: 'orders',
    contextStore: store,
    ...props,
  });
}

afterEach(() => jest.restoreAllMocks());

describe('a lookup without region or project id', () => {
  test.each([LookupMode.AUTO, LookupMode.OFFLINE])(
    'mode %s: one recorded entry of the stream gives both, and the cache serves it',
    (mode) =>
      withLookupEnv({}, () => {
        const lookup = lookUp(new MemoryContextStore({ [orders.key]: orders.value }), { mode });
        expect([lookup.region, lookup.projectId, lookup.source]).toEqual([REGION, PROJECT_ID, 'cache']);
        expect(lookup.taskNames).toEqual(['orders-to-dli', 'orders-to-obs']);
      }),
  );

  test('entries of other streams do not count', () =>
    withLookupEnv({}, () => {
      const store = new MemoryContextStore({
        [orders.key]: orders.value,
        [entry('cn-east-3', OTHER_PROJECT, 'clicks').key]: orders.value,
      });
      expect(lookUp(store, { mode: LookupMode.OFFLINE }).projectId).toBe(PROJECT_ID);
    }));

  test('an entry given as cdktf context counts as recorded', () =>
    withLookupEnv({}, () => {
      const lookup = lookUp(new MemoryContextStore(), {}, TransferTasksContext.toContext(orders));
      expect([lookup.region, lookup.projectId, lookup.source]).toEqual([REGION, PROJECT_ID, 'context']);
    }));

  test('a known region narrows the search: the project of that region is used', () =>
    withLookupEnv({ HW_REGION_NAME: 'cn-east-3' }, () => {
      const store = new MemoryContextStore({
        [orders.key]: orders.value,
        [ordersElsewhere.key]: ordersElsewhere.value,
      });
      const lookup = lookUp(store, { mode: LookupMode.OFFLINE });
      expect([lookup.region, lookup.projectId]).toEqual(['cn-east-3', OTHER_PROJECT]);
    }));

  test('a known project narrows the search: the region of that project is used', () =>
    withLookupEnv({ HW_PROJECT_ID: OTHER_PROJECT }, () => {
      const store = new MemoryContextStore({
        [orders.key]: orders.value,
        [ordersElsewhere.key]: ordersElsewhere.value,
      });
      const lookup = lookUp(store, { mode: LookupMode.OFFLINE });
      expect([lookup.region, lookup.projectId]).toEqual(['cn-east-3', OTHER_PROJECT]);
    }));

  test('the same region and project recorded in cdktf context and in the store count once, as the context entry', () =>
    withLookupEnv({}, () => {
      const once = lookUp(
        new MemoryContextStore({ [orders.key]: orders.value }),
        { mode: LookupMode.OFFLINE },
        TransferTasksContext.toContext(orders),
      );
      expect([once.region, once.projectId, once.source]).toEqual([REGION, PROJECT_ID, 'context']);
      const error = thrownDisError(() =>
        lookUp(
          new MemoryContextStore({
            [orders.key]: orders.value,
            [ordersElsewhere.key]: ordersElsewhere.value,
          }),
          {},
          TransferTasksContext.toContext(orders),
        ),
      );
      expect(error.message).toContain('is recorded for 2 regions and projects');
      expect(error.message).toContain(
        `  - region ${REGION}, project ${PROJECT_ID}: ${orders.key} in cdktf context`,
      );
    }));

  test('several regions and projects are an error that lists them and the three ways to pin one', () =>
    withLookupEnv({}, () => {
      const store = new MemoryContextStore({
        [orders.key]: orders.value,
        [ordersElsewhere.key]: ordersElsewhere.value,
      });
      const error = thrownDisError(() =>
        lookUp(store, {}, TransferTasksContext.toContext(ordersOtherProject)),
      );
      expect(error.code).toBe('DIS_LOOKUP_AMBIGUOUS_TARGET');
      expect(error.message).toContain(
        '[stack/Orders] Stream "orders" is recorded for 3 regions and projects',
      );
      expect(error.message).toContain(
        `  - region ${REGION}, project ${OTHER_PROJECT}: ${ordersOtherProject.key} in cdktf context`,
      );
      expect(error.message).toContain(
        `  - region ${REGION}, project ${PROJECT_ID}: ${orders.key} in the context store`,
      );
      expect(error.message).toContain(
        `  - region cn-east-3, project ${OTHER_PROJECT}: ${ordersElsewhere.key} in the context store`,
      );
      expect(error.message).toContain('the `region` and `projectId` props');
      expect(error.message).toContain('"dis-transfer-tasks:region" and "dis-transfer-tasks:projectId"');
      expect(error.message).toContain('HW_REGION_NAME and HW_PROJECT_ID');
      expect(error.details.candidates).toHaveLength(3);
    }));

  test.each([
    ['the props', { region: 'cn-east-3', projectId: OTHER_PROJECT }, {}, {}],
    [
      'the cdktf context keys',
      {},
      { 'dis-transfer-tasks:region': 'cn-east-3', 'dis-transfer-tasks:projectId': OTHER_PROJECT },
      {},
    ],
    ['the environment', {}, {}, { HW_REGION_NAME: 'cn-east-3', HW_PROJECT_ID: OTHER_PROJECT }],
  ])('pinning through %s resolves the ambiguity', (_how, props, context, env) =>
    withLookupEnv(env, () => {
      const store = new MemoryContextStore({
        [orders.key]: orders.value,
        [ordersElsewhere.key]: ordersElsewhere.value,
      });
      const lookup = lookUp(store, { ...props, mode: LookupMode.OFFLINE }, context);
      expect([lookup.region, lookup.projectId, lookup.source]).toEqual(['cn-east-3', OTHER_PROJECT, 'cache']);
    }),
  );

  test('a recorded key whose region breaks the rule is refused, escaped, not used', () =>
    withLookupEnv({}, () => {
      const bad = `dis-transfer-tasks:cn-\u001b[2J\${x}-1:${PROJECT_ID}:orders`;
      const error = thrownDisError(() => lookUp(new MemoryContextStore({ [bad]: orders.value })));
      expect(error.code).toBe('DIS_CONTEXT_VALUE_INVALID');
      expect(error.message).toContain(`the key's region is not valid: expected a region id such as`);
      expect(error.message).toContain("received 'cn-\\u001b[2J${x}-1'");
      expect(error.message).not.toContain('\u001b');
    }));

  test('a recorded key whose project id breaks the rule is refused with the part named', () =>
    withLookupEnv({}, () => {
      const bad = `dis-transfer-tasks:${REGION}:not-a-project:orders`;
      const error = thrownDisError(() => lookUp(new MemoryContextStore({ [bad]: orders.value })));
      expect(error.code).toBe('DIS_CONTEXT_VALUE_INVALID');
      expect(error.message).toContain(`the key's projectId is not valid: expected `);
      expect(error.message).toContain("received 'not-a-project'");
    }));

  test('offline, with nothing recorded for the stream, says what to set', () =>
    withLookupEnv({ HW_REGION_NAME: REGION }, () => {
      const error = thrownDisError(() =>
        lookUp(new MemoryContextStore({ [ordersElsewhere.key]: 1 }), { mode: LookupMode.OFFLINE }),
      );
      expect(error.code).toBe('DIS_LOOKUP_CONFIG');
      expect(error.message).toContain(
        'the project id is not set, and neither cdktf context nor the context store records the stream',
      );
    }));
});

describe('the target precedence: prop, then cdktf context, then the environment', () => {
  const context = { 'dis-transfer-tasks:region': 'cn-east-3', 'dis-transfer-tasks:projectId': OTHER_PROJECT };

  test('the prop wins over cdktf context and the environment', () =>
    withLookupEnv({ HW_REGION_NAME: 'ap-southeast-1', HW_PROJECT_ID: 'a'.repeat(32) }, () => {
      const store = new MemoryContextStore({ [orders.key]: orders.value });
      const lookup = lookUp(
        store,
        { region: REGION, projectId: PROJECT_ID, mode: LookupMode.OFFLINE },
        context,
      );
      expect([lookup.region, lookup.projectId]).toEqual([REGION, PROJECT_ID]);
    }));

  test('cdktf context wins over the environment', () =>
    withLookupEnv({ HW_REGION_NAME: REGION, HW_PROJECT_ID: PROJECT_ID }, () => {
      const store = new MemoryContextStore({ [ordersElsewhere.key]: ordersElsewhere.value });
      const lookup = lookUp(store, { mode: LookupMode.OFFLINE }, context);
      expect([lookup.region, lookup.projectId]).toEqual(['cn-east-3', OTHER_PROJECT]);
    }));

  test('a bad value in a context key is named by its key', () =>
    withLookupEnv({}, () => {
      const error = thrownDisError(() =>
        lookUp(new MemoryContextStore(), {}, { 'dis-transfer-tasks:projectId': 'not-an-id' }),
      );
      expect(error.code).toBe('DIS_LOOKUP_CONFIG');
      expect(error.message).toContain(
        `cdktf context "dis-transfer-tasks:projectId" 'not-an-id' is not valid`,
      );
    }));
});

describe('the project-wide lookup', () => {
  test('takes region and project from its recorded stream list', () =>
    withLookupEnv({}, () => {
      const list = TransferTasksContext.projectEntry(REGION, PROJECT_ID, ['orders']);
      const project = new DisProjectTransferTasks(stackWith(), 'All', {
        contextStore: new MemoryContextStore({ [list.key]: list.value, [orders.key]: orders.value }),
      });
      expect([project.region, project.projectId, project.streamNames]).toEqual([
        REGION,
        PROJECT_ID,
        ['orders'],
      ]);
      expect(project.snapshots[0].source).toBe('cache');
    }));
});

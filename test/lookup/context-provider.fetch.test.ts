import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { App, TerraformStack, Testing } from 'cdktf';
import { DisApiError } from '../../src/client/errors';
import type { ListTransferTasksResult } from '../../src/client/model';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { flushRecordings, readThrough } from '../../src/lookup/context-store';
import {
  DisTransferTasks,
  LookupMode,
  type DisTransferTasksProps,
} from '../../src/lookup/dis-transfer-tasks';
import { Duration } from '../../src/lookup/duration';
import { DisLookupConfigError } from '../../src/lookup/errors';
import { callBridge, type BridgeRequest } from '../../src/lookup/sync-bridge';
import { ORDERS_TASKS, PROJECT_ID, RecordingStore, REGION, thrownDisError, withLookupEnv } from './helpers';

// What a stream lookup asks DIS and what it does with the answer, with the bridge to the worker
// replaced: the request it sends, the snapshot it builds, what it records (and when it does not),
// and how a failure is reported. The worker's side is tested in sync-bridge and the emulator tests.
jest.mock('../../src/lookup/sync-bridge', () => ({
  ...jest.requireActual('../../src/lookup/sync-bridge'),
  callBridge: jest.fn(),
}));
const bridge = callBridge as jest.MockedFunction<typeof callBridge>;

const FETCH_TIME = '2026-11-30T08:00:00.000Z';
const ENDPOINT = 'https://dis.cn-north-4.myhuaweicloud.com';
const RESULT: ListTransferTasksResult = { totalNumber: 2, quota: 5, tasks: ORDERS_TASKS, warnings: [] };
const KEY = `dis-transfer-tasks:${REGION}:${PROJECT_ID}:orders`;
const target = { region: REGION, projectId: PROJECT_ID };

beforeEach(() => {
  jest.useFakeTimers({ now: Date.parse(FETCH_TIME), doNotFake: ['nextTick', 'setImmediate'] });
  bridge.mockReset();
});
afterEach(() => {
  flushRecordings();
  jest.useRealTimers();
});

function stackWith(context: Record<string, unknown> = {}): TerraformStack {
  return new TerraformStack(Testing.app({ context }), 'stack');
}

function answering(
  result: ListTransferTasksResult | undefined,
  at = { ...target, endpoint: ENDPOINT },
): void {
  bridge.mockImplementation(() => ({ target: at, ...(result ? { result } : {}) }));
}

/** A lookup of stream orders in `store` (none: the file store `props.contextFile` names). */
function lookUp(
  store: RecordingStore | undefined,
  props: Partial<DisTransferTasksProps> = {},
): DisTransferTasks {
  return withLookupEnv(
    {},
    () =>
      new DisTransferTasks(stackWith(), 'Orders', {
        streamName: 'orders',
        ...target,
        ...(store ? { contextStore: store } : {}),
        ...props,
      }),
  );
}

/** The value a fetch of RESULT at FETCH_TIME records: tasks in name order. */
const recorded = {
  fetchedAt: FETCH_TIME,
  totalNumber: 2,
  quota: 5,
  tasks: [ORDERS_TASKS[1], ORDERS_TASKS[0]],
  warnings: [],
};

describe('a stream lookup that asks DIS', () => {
  test('sends listTransferTasks with the target, the deadline, the credentials given and a copy of the environment', () => {
    answering(RESULT);
    withLookupEnv(
      { EXAMPLE_VAR: 'x' },
      () =>
        new DisTransferTasks(stackWith(), 'Orders', {
          streamName: 'orders',
          ...target,
          endpoint: ENDPOINT,
          credentials: { accessKey: 'AK', secretKey: 'SK', securityToken: '' },
          contextStore: new RecordingStore(),
        }),
    );
    expect(bridge).toHaveBeenCalledTimes(1);
    const request = bridge.mock.calls[0][0] as Extract<BridgeRequest, { op: 'listTransferTasks' }>;
    const { env, ...client } = request.client;
    expect({ ...request, client }).toStrictEqual({
      op: 'listTransferTasks',
      streamName: 'orders',
      mustExist: true,
      client: {
        region: REGION,
        projectId: PROJECT_ID,
        endpoint: ENDPOINT,
        credentials: { accessKey: 'AK', secretKey: 'SK' },
        deadlineMs: 30_000,
        deadlineHint: 'the `timeoutMs` prop of the lookup',
      },
    });
    expect(env).toMatchObject({ EXAMPLE_VAR: 'x' });
    expect(env).not.toBe(process.env);
  });

  test('without credentials, endpoint or a timeout, the request names none of them and the deadline is 30 s', () => {
    answering(RESULT);
    lookUp(new RecordingStore(), { timeoutMs: undefined });
    expect(bridge.mock.calls[0][0].client).toStrictEqual({
      env: expect.any(Object),
      region: REGION,
      projectId: PROJECT_ID,
      deadlineMs: 30_000,
      deadlineHint: 'the `timeoutMs` prop of the lookup',
    });
  });

  test('timeoutMs sets the deadline; mustExist: false is passed on', () => {
    answering(RESULT);
    lookUp(new RecordingStore(), { timeoutMs: 1, mustExist: false });
    expect(bridge.mock.calls[0][0]).toMatchObject({ mustExist: false, client: { deadlineMs: 1 } });
  });

  test('credentials that are not strings, or empty, are left out of the request', () => {
    answering(RESULT);
    const credentials = { accessKey: 'AK', secretKey: undefined, securityToken: '' } as never;
    lookUp(new RecordingStore(), { credentials });
    expect(bridge.mock.calls[0][0].client.credentials).toStrictEqual({ accessKey: 'AK' });
  });

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    'timeoutMs %p is refused before anything is asked',
    (timeoutMs) => {
      const error = thrownDisError(() => lookUp(new RecordingStore(), { timeoutMs }));
      expect(error.code).toBe('DIS_LOOKUP_CONFIG');
      expect(error.message).toBe(
        `DIS_LOOKUP_CONFIG: [stack/Orders] timeoutMs must be a positive number of milliseconds, got ${timeoutMs}.`,
      );
      expect(bridge).not.toHaveBeenCalled();
    },
  );

  test('mode auto: the answer is the snapshot, from the api, and is recorded under its key', () => {
    answering(RESULT);
    const store = new RecordingStore();
    const lookup = lookUp(store);
    expect(lookup.snapshots).toStrictEqual([
      { streamName: 'orders', ...target, ...recorded, source: 'api', streamExists: true },
    ]);
    expect(readThrough(store, KEY)).toStrictEqual(recorded);
    flushRecordings();
    expect(store.read()).toStrictEqual({ [KEY]: recorded });
  });

  test('mode auto: a second lookup of the stream in the same process is served from what the first recorded', () => {
    answering(RESULT);
    const store = new RecordingStore();
    lookUp(store);
    const again = lookUp(store);
    expect(again.source).toBe('cache');
    expect(bridge).toHaveBeenCalledTimes(1);
  });

  test('the value is recorded under the region and project the client answered for', () => {
    answering(RESULT, { region: 'cn-east-3', projectId: 'f'.repeat(32), endpoint: ENDPOINT });
    const store = new RecordingStore();
    const lookup = lookUp(store);
    expect([lookup.region, lookup.projectId]).toStrictEqual(['cn-east-3', 'f'.repeat(32)]);
    flushRecordings();
    expect(Object.keys(store.read())).toStrictEqual([
      `dis-transfer-tasks:cn-east-3:${'f'.repeat(32)}:orders`,
    ]);
  });

  test('mode refresh: asks although the cache has the stream, and records the answer over it', () => {
    answering(RESULT);
    const old = TransferTasksContext.entry({ ...target, streamName: 'orders', tasks: [] });
    const store = new RecordingStore({ [old.key]: old.value });
    const lookup = lookUp(store, { mode: LookupMode.REFRESH });
    expect([lookup.source, lookup.totalNumber]).toStrictEqual(['api', 2]);
    flushRecordings();
    expect(store.read()).toStrictEqual({ [KEY]: recorded });
  });

  test('mode live: asks although the cache has the stream, and records nothing', () => {
    answering(RESULT);
    const old = TransferTasksContext.entry({ ...target, streamName: 'orders', tasks: [] });
    const store = new RecordingStore({ [old.key]: old.value });
    const lookup = lookUp(store, { mode: LookupMode.LIVE });
    expect([lookup.source, lookup.totalNumber]).toStrictEqual(['api', 2]);
    expect(readThrough(store, KEY)).toStrictEqual(old.value);
    lookUp(store, { mode: LookupMode.LIVE });
    expect(bridge).toHaveBeenCalledTimes(2);
  });

  test('mode auto: a cached value older than maxAge is fetched again and recorded; one within maxAge is served', () => {
    answering(RESULT);
    const cachedAt = (fetchedAt: string) => ({ ...recorded, fetchedAt, totalNumber: 7 });
    const fresh = lookUp(new RecordingStore({ [KEY]: cachedAt('2026-11-30T07:00:00.000Z') }), {
      maxAge: Duration.hours(1),
    });
    expect([fresh.source, fresh.totalNumber]).toStrictEqual(['cache', 7]);
    expect(bridge).not.toHaveBeenCalled();
    const store = new RecordingStore({ [KEY]: cachedAt('2026-11-30T06:59:59.000Z') });
    const old = lookUp(store, { maxAge: Duration.hours(1) });
    expect([old.source, old.totalNumber]).toStrictEqual(['api', 2]);
    flushRecordings();
    expect(store.updates).toStrictEqual([{ [KEY]: recorded }]);
  });

  test('mode offline: a cached value older than maxAge is an error, nothing is asked', () => {
    const store = new RecordingStore({ [KEY]: { ...recorded, fetchedAt: '2026-11-30T06:00:00.000Z' } });
    const error = thrownDisError(() =>
      lookUp(store, { maxAge: Duration.hours(1), mode: LookupMode.OFFLINE }),
    );
    expect(error.code).toBe('DIS_LOOKUP_STALE');
    expect(error.details.stale).toStrictEqual([
      { key: KEY, fetchedAt: '2026-11-30T06:00:00.000Z', ageSeconds: 7200 },
    ]);
    expect(bridge).not.toHaveBeenCalled();
  });

  test('what a lookup recorded is written to its store when synth starts', () => {
    answering(RESULT);
    const store = new RecordingStore();
    const stack = stackWith();
    withLookupEnv({}, () => {
      new DisTransferTasks(stack, 'Orders', { streamName: 'orders', ...target, contextStore: store });
      new DisTransferTasks(stack, 'Clicks', { streamName: 'clicks', ...target, contextStore: store });
    });
    expect(store.updates).toStrictEqual([]);
    Testing.synth(stack);
    expect(store.updates).toHaveLength(1);
    expect(Object.keys(store.read()).sort()).toStrictEqual([
      `dis-transfer-tasks:${REGION}:${PROJECT_ID}:clicks`,
      KEY,
    ]);
  });
});

describe('a cache that cannot be written', () => {
  // A folder in the cache file's place: what a refresh fetched could not be recorded.
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(`${tmpdir()}/dis-cache-folder-`);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('mode refresh refuses before it asks DIS', () => {
    answering(RESULT);
    const error = thrownDisError(() => lookUp(undefined, { mode: LookupMode.REFRESH, contextFile: folder }));
    expect(error.code).toBe('DIS_CONTEXT_FILE_ACCESS');
    expect(bridge).not.toHaveBeenCalled();
  });

  test('mode live, which records nothing, asks anyway', () => {
    answering(RESULT);
    expect(lookUp(undefined, { mode: LookupMode.LIVE, contextFile: folder }).source).toBe('api');
  });

  test('mode live, for a stream that does not exist, neither reads nor writes it', () => {
    answering(undefined);
    const lookup = lookUp(undefined, { mode: LookupMode.LIVE, contextFile: folder, mustExist: false });
    expect(lookup.snapshots[0].streamExists).toBe(false);
  });
});

describe('a lookup outside any stack', () => {
  test('records what it fetched, written at the next flush', () => {
    answering(RESULT);
    const store = new RecordingStore();
    const app = new App({ outdir: mkdtempSync(`${tmpdir()}/dis-app-`) });
    withLookupEnv(
      {},
      () => new DisTransferTasks(app, 'Orders', { streamName: 'orders', ...target, contextStore: store }),
    );
    flushRecordings();
    expect(store.updates).toStrictEqual([{ [KEY]: recorded }]);
    rmSync(app.outdir, { recursive: true, force: true });
  });
});

describe('a stream that does not exist (mustExist: false)', () => {
  test('is a snapshot without tasks, streamExists false, and nothing is recorded', () => {
    answering(undefined);
    const store = new RecordingStore();
    const lookup = lookUp(store, { mustExist: false });
    expect(lookup.snapshots).toStrictEqual([
      {
        streamName: 'orders',
        ...target,
        fetchedAt: FETCH_TIME,
        totalNumber: 0,
        tasks: [],
        warnings: [],
        source: 'api',
        streamExists: false,
      },
    ]);
    flushRecordings();
    expect(store.read()).toStrictEqual({});
  });

  test('mode refresh: the entry recorded while it existed is removed, so that the next synth looks again', () => {
    answering(undefined);
    const store = new RecordingStore({ [KEY]: recorded, other: 1 });
    lookUp(store, { mustExist: false, mode: LookupMode.REFRESH });
    expect(readThrough(store, KEY)).toBeUndefined();
    flushRecordings();
    expect(store.read()).toStrictEqual({ other: 1 });
  });

  test('mode live: the recorded entry is left as it is', () => {
    answering(undefined);
    const store = new RecordingStore({ [KEY]: recorded });
    lookUp(store, { mustExist: false, mode: LookupMode.LIVE });
    flushRecordings();
    expect(store.updates).toStrictEqual([]);
    expect(store.read()).toStrictEqual({ [KEY]: recorded });
  });

  test('with nothing recorded, nothing is written', () => {
    answering(undefined);
    const store = new RecordingStore();
    lookUp(store, { mustExist: false, mode: LookupMode.REFRESH });
    flushRecordings();
    expect(store.updates).toStrictEqual([]);
  });
});

describe('a failure of the call', () => {
  test('a coded error is wrapped in DIS_LOOKUP_FAILED, naming the construct, stream and target, the cause kept', () => {
    const cause = new DisApiError('DIS_API_ERROR: denied (403).', { httpStatus: 403 } as never);
    bridge.mockImplementation(() => {
      throw cause;
    });
    const error = thrownDisError(() => lookUp(new RecordingStore()));
    expect(error.code).toBe('DIS_LOOKUP_FAILED');
    expect(error.message).toContain(
      `[stack/Orders] Could not look up the transfer tasks of stream "orders" in project ${PROJECT_ID}, region ${REGION}: `,
    );
    expect(error.details).toMatchObject({ constructPath: 'stack/Orders', streamName: 'orders', ...target });
    expect(error.cause).toBe(cause);
  });

  test('a configuration error of the lookup passes unchanged: it already says what to fix', () => {
    const cause = new DisLookupConfigError('[stack/Orders] something to fix.');
    bridge.mockImplementation(() => {
      throw cause;
    });
    expect(thrownDisError(() => lookUp(new RecordingStore()))).toBe(cause);
  });

  test('an error that is not coded passes unchanged', () => {
    const cause = new TypeError('a bug');
    bridge.mockImplementation(() => {
      throw cause;
    });
    let caught: unknown;
    try {
      lookUp(new RecordingStore());
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(cause);
  });

  test('nothing is recorded', () => {
    bridge.mockImplementation(() => {
      throw new DisLookupConfigError('x');
    });
    const store = new RecordingStore();
    expect(() => lookUp(store)).toThrow();
    flushRecordings();
    expect(store.read()).toStrictEqual({});
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { TerraformStack, Testing } from 'cdktf';
import { DisApiError } from '../../src/client/errors';
import type { ListTransferTasksResult } from '../../src/client/model';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { flushRecordings, type IContextStore } from '../../src/lookup/context-store';
import {
  DisProjectTransferTasks,
  LookupMode,
  type DisProjectTransferTasksProps,
} from '../../src/lookup/dis-transfer-tasks';
import { Duration } from '../../src/lookup/duration';
import { DisLookupConfigError } from '../../src/lookup/errors';
import { callBridge, type BridgeRequest } from '../../src/lookup/sync-bridge';
import { PROJECT_ID, RecordingStore, REGION, thrownDisError, withLookupEnv } from './helpers';

// The project-wide lookup, with the bridge to the worker replaced: when it asks DIS (any gap or
// old entry in auto; always in refresh and live), what it asks, what it records, and what offline
// mode reports instead.
jest.mock('../../src/lookup/sync-bridge', () => ({
  ...jest.requireActual('../../src/lookup/sync-bridge'),
  callBridge: jest.fn(),
}));
const bridge = callBridge as jest.MockedFunction<typeof callBridge>;

const NOW = '2026-11-30T08:00:00.000Z';
const target = { region: REGION, projectId: PROJECT_ID };
const key = (stream: string, at = target): string =>
  `dis-transfer-tasks:${at.region}:${at.projectId}:${stream}`;
const LIST_KEY = key('*');
const task = (taskName: string) => ({ taskName, state: 'RUNNING', destinationType: 'OBS', createTime: 1 });
const result = (...names: string[]): ListTransferTasksResult => ({
  totalNumber: names.length,
  tasks: names.map(task),
  warnings: [],
});
const value = (fetchedAt: string, ...names: string[]) => ({
  fetchedAt,
  totalNumber: names.length,
  tasks: names.map(task),
  warnings: [],
});

/** Everything of the project recorded at `fetchedAt`: the list (orders, clicks) and both streams. */
function recordedProject(fetchedAt = NOW): Record<string, unknown> {
  return {
    [LIST_KEY]: { fetchedAt, streams: ['clicks', 'orders'] },
    [key('clicks')]: value(fetchedAt, 'clicks-to-obs'),
    [key('orders')]: value(fetchedAt, 'orders-to-obs'),
  };
}

beforeEach(() => {
  jest.useFakeTimers({ now: Date.parse(NOW), doNotFake: ['nextTick', 'setImmediate'] });
  bridge.mockReset();
  // Out of name order, as a test that the lookup sorts.
  bridge.mockImplementation(() => ({
    target: { ...target, endpoint: 'https://dis.example' },
    streams: [
      { streamName: 'orders', result: result('orders-to-obs') },
      { streamName: 'clicks', result: result('clicks-to-obs') },
    ],
  }));
});
afterEach(() => {
  flushRecordings();
  jest.useRealTimers();
});

/** A project lookup in `store` (none: the file store `props.contextFile` names). */
function lookUp(
  store: IContextStore | undefined,
  props: Partial<DisProjectTransferTasksProps> = {},
  context: Record<string, unknown> = {},
): DisProjectTransferTasks {
  return withLookupEnv(
    {},
    () =>
      new DisProjectTransferTasks(new TerraformStack(Testing.app({ context }), 'stack'), 'All', {
        ...target,
        ...(store ? { contextStore: store } : {}),
        ...props,
      }),
  );
}

describe('a project lookup that asks DIS', () => {
  test('nothing recorded, mode auto: one listProject call, at most 8 requests in flight by default', () => {
    lookUp(new RecordingStore());
    expect(bridge).toHaveBeenCalledTimes(1);
    const { client, ...request } = bridge.mock.calls[0][0] as Extract<BridgeRequest, { op: 'listProject' }>;
    expect(request).toStrictEqual({ op: 'listProject', concurrency: 8 });
    expect(client).toMatchObject({ ...target, deadlineMs: 30_000 });
  });

  test('concurrency is passed on', () => {
    lookUp(new RecordingStore(), { concurrency: 1 });
    expect(bridge.mock.calls[0][0]).toMatchObject({ op: 'listProject', concurrency: 1 });
  });

  test.each([0, -1, 1.5])('concurrency %p is refused before anything is asked', (concurrency) => {
    const error = thrownDisError(() => lookUp(new RecordingStore(), { concurrency }));
    expect(error.message).toBe(
      `DIS_LOOKUP_CONFIG: [stack/All] concurrency must be a whole number of at least 1, got ${concurrency}.`,
    );
    expect(bridge).not.toHaveBeenCalled();
  });

  test('one snapshot per stream, sorted by stream name, from the api; the list and every stream recorded in one update', () => {
    const store = new RecordingStore();
    const project = lookUp(store);
    expect(project.snapshots).toStrictEqual([
      { streamName: 'clicks', ...target, ...value(NOW, 'clicks-to-obs'), source: 'api', streamExists: true },
      { streamName: 'orders', ...target, ...value(NOW, 'orders-to-obs'), source: 'api', streamExists: true },
    ]);
    flushRecordings();
    expect(store.updates).toStrictEqual([recordedProject()]);
  });

  test('snapshots are sorted by stream name whatever order the answer lists them in', () => {
    const names = ['d', 'b', 'e', 'a', 'c'];
    bridge.mockImplementation(() => ({
      target: { ...target, endpoint: 'https://dis.example' },
      streams: names.map((streamName) => ({ streamName, result: result() })),
    }));
    expect(lookUp(new RecordingStore()).streamNames).toStrictEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('a cache that cannot be written: refresh refuses before asking, live asks anyway', () => {
    const folder = mkdtempSync(`${tmpdir()}/dis-cache-folder-`);
    try {
      const error = thrownDisError(() =>
        lookUp(undefined, { mode: LookupMode.REFRESH, contextFile: folder }),
      );
      expect(error.code).toBe('DIS_CONTEXT_FILE_ACCESS');
      expect(bridge).not.toHaveBeenCalled();
      expect(lookUp(undefined, { mode: LookupMode.LIVE, contextFile: folder }).streamNames).toStrictEqual([
        'clicks',
        'orders',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('keys are built from the region and project the client answered for', () => {
    const elsewhere = { region: 'cn-east-3', projectId: 'f'.repeat(32) };
    bridge.mockImplementation(() => ({
      target: { ...elsewhere, endpoint: 'https://dis.example' },
      streams: [{ streamName: 'orders', result: result() }],
    }));
    const store = new RecordingStore();
    const project = lookUp(store);
    expect([project.region, project.projectId]).toStrictEqual([elsewhere.region, elsewhere.projectId]);
    flushRecordings();
    expect(Object.keys(store.updates[0])).toStrictEqual([key('*', elsewhere), key('orders', elsewhere)]);
  });

  test('a stream given as cdktf context is served from it and not recorded', () => {
    const orders = TransferTasksContext.entry({ ...target, streamName: 'orders', tasks: [] });
    const store = new RecordingStore();
    const project = lookUp(store, {}, TransferTasksContext.toContext(orders));
    expect(project.snapshots.map((s) => [s.streamName, s.source, s.totalNumber])).toStrictEqual([
      ['clicks', 'api', 1],
      ['orders', 'context', 0],
    ]);
    flushRecordings();
    expect(Object.keys(store.updates[0])).toStrictEqual([LIST_KEY, key('clicks')]);
  });

  test('everything recorded and fresh: served from the cache, nothing asked', () => {
    const project = lookUp(new RecordingStore(recordedProject()), { maxAge: Duration.hours(1) });
    expect(project.snapshots.map((s) => [s.streamName, s.source])).toStrictEqual([
      ['clicks', 'cache'],
      ['orders', 'cache'],
    ]);
    expect(bridge).not.toHaveBeenCalled();
  });

  test('mode auto: a stream of the recorded list that has no entry makes it ask for the whole project', () => {
    const gap = recordedProject();
    delete gap[key('clicks')];
    const project = lookUp(new RecordingStore(gap));
    expect(bridge).toHaveBeenCalledTimes(1);
    expect(project.snapshots.map((s) => s.source)).toStrictEqual(['api', 'api']);
  });

  test('mode auto: an entry older than maxAge makes it ask for the whole project', () => {
    const entries = {
      ...recordedProject(),
      [key('orders')]: value('2026-11-30T06:00:00.000Z', 'orders-to-obs'),
    };
    lookUp(new RecordingStore(entries), { maxAge: Duration.hours(1) });
    expect(bridge).toHaveBeenCalledTimes(1);
  });

  test('mode refresh asks although everything is recorded, and records the answer', () => {
    const store = new RecordingStore(recordedProject('2026-11-01T00:00:00.000Z'));
    lookUp(store, { mode: LookupMode.REFRESH });
    expect(bridge).toHaveBeenCalledTimes(1);
    flushRecordings();
    expect(store.updates).toStrictEqual([recordedProject()]);
  });

  test('mode live asks although everything is recorded, and records nothing', () => {
    const store = new RecordingStore(recordedProject());
    const project = lookUp(store, { mode: LookupMode.LIVE });
    expect(project.snapshots.map((s) => s.source)).toStrictEqual(['api', 'api']);
    flushRecordings();
    expect(store.updates).toStrictEqual([]);
  });

  test('a failure names the streams of the project, not one stream', () => {
    bridge.mockImplementation(() => {
      throw new DisLookupConfigError('not this one');
    });
    expect(() => lookUp(new RecordingStore())).toThrow('not this one');
    bridge.mockImplementation(() => {
      throw new DisApiError('DIS_API_ERROR: denied.', { httpStatus: 403 } as never);
    });
    const error = thrownDisError(() => lookUp(new RecordingStore()));
    expect(error.code).toBe('DIS_LOOKUP_FAILED');
    expect(error.message).toContain(
      `[stack/All] Could not look up the transfer tasks of the streams in project ${PROJECT_ID}, region ${REGION}: `,
    );
  });
});

describe('a project lookup in offline mode', () => {
  const offline = { mode: LookupMode.OFFLINE, maxAge: Duration.hours(1) };

  test('old entries are one error that lists each, the stream list included; fresh ones are not listed', () => {
    const old = '2026-11-30T06:00:00.000Z';
    const entries = { ...recordedProject(), [LIST_KEY]: { fetchedAt: old, streams: ['clicks', 'orders'] } };
    entries[key('orders')] = value(old, 'orders-to-obs');
    const error = thrownDisError(() => lookUp(new RecordingStore(entries), offline));
    expect(error.code).toBe('DIS_LOOKUP_STALE');
    expect(error.details.stale).toStrictEqual([
      { key: LIST_KEY, fetchedAt: old, ageSeconds: 7200 },
      { key: key('orders'), fetchedAt: old, ageSeconds: 7200 },
    ]);
    expect(error.message).toContain('2 values in the context store are older');
    expect(bridge).not.toHaveBeenCalled();
  });

  test('every stream of the recorded list without an entry is a miss, in list order', () => {
    const project = lookUp(
      new RecordingStore({ [LIST_KEY]: { fetchedAt: NOW, streams: ['clicks', 'orders'] } }),
      offline,
    );
    expect(() => project.snapshots).toThrow(
      expect.objectContaining({ code: 'DIS_LOOKUP_MISSING', keys: [key('clicks'), key('orders')] }),
    );
    expect(bridge).not.toHaveBeenCalled();
  });

  test('an old entry is reported even when another is missing', () => {
    const entries = {
      [LIST_KEY]: { fetchedAt: NOW, streams: ['clicks', 'orders'] },
      [key('orders')]: value('2026-11-30T06:00:00.000Z', 'orders-to-obs'),
    };
    const error = thrownDisError(() => lookUp(new RecordingStore(entries), offline));
    expect(error.code).toBe('DIS_LOOKUP_STALE');
    expect(error.details.stale).toStrictEqual([
      { key: key('orders'), fetchedAt: '2026-11-30T06:00:00.000Z', ageSeconds: 7200 },
    ]);
  });
});

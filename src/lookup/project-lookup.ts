// The project-wide lookup behind DisProjectTransferTasks: the same modes, cache and rules as one
// stream's lookup (context-provider.ts), over a recorded stream list and one entry per stream.
import type { IConstruct } from 'constructs';
import {
  ALL_STREAMS,
  parseProjectStreamsValue,
  projectStreamsContextKey,
  toContextValue,
  toProjectStreamsValue,
  transferTasksContextKey,
} from './context-entry';
import {
  ask,
  fromContext,
  readRecorded,
  record,
  recordedSnapshot,
  refuseTokens,
  resolveLookupSettings,
  resolveTarget,
  snapshotOf,
  targetOf,
  type LookupResult,
  type LookupSettings,
  type Recorded,
  type Target,
} from './context-provider';
import { checkCanRecord } from './context-store';
import type { DisProjectTransferTasksProps, TransferTasksSnapshot } from './dis-transfer-tasks';
import { DisLookupConfigError, DisLookupTokenError, type StaleEntry } from './errors';
import { staleError, tooOld } from './freshness';
import { LookupMode, SnapshotSource } from './lookup-mode';
import { missOffline } from './offline';
import type { ListProjectAnswer } from './sync-bridge';

/**
 * A project-wide lookup: the stream list is recorded under `dis-transfer-tasks:{region}:{projectId}:*`
 * and each stream under its own key. Any gap, or any entry older than `maxAge`, makes `auto` fetch
 * the whole project in one bridge call (listStreams, then the streams' tasks with at most
 * `concurrency` requests in flight) and record it with the app's other recordings.
 */
export function lookUpProject(scope: IConstruct, props: DisProjectTransferTasksProps): LookupResult {
  refuseTokens(props, (prop) => new DisLookupTokenError(scope.node.path, prop));
  const concurrency = props.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new DisLookupConfigError(
      `[${scope.node.path}] concurrency must be a whole number of at least 1, got ${concurrency}.`,
    );
  }
  const lookup = resolveLookupSettings(scope, props);
  const target = resolveTarget(lookup, ALL_STREAMS);
  const recorded = fromRecordings(lookup, target);
  if (recorded.snapshots) return { ...target, snapshots: recorded.snapshots };
  if (lookup.mode === LookupMode.OFFLINE) {
    if (recorded.stale.length > 0) throw staleError(lookup, recorded.staleIn!, recorded.stale);
    return missOffline(lookup, target, recorded.misses);
  }
  if (lookup.mode !== LookupMode.LIVE) checkCanRecord(lookup.store);
  const answer = ask<ListProjectAnswer>(lookup, ALL_STREAMS, target, {
    op: 'listProject',
    client: { ...lookup.client, ...target },
    concurrency,
  });
  const fetched = targetOf(answer.target);
  const now = new Date();
  const entries: Record<string, unknown> = {
    [projectStreamsContextKey(fetched.region, fetched.projectId)]: toProjectStreamsValue(
      answer.streams.map((s) => s.streamName),
      now.toISOString(),
    ),
  };
  const snapshots = answer.streams.map(({ streamName, result }) => {
    const key = transferTasksContextKey(fetched.region, fetched.projectId, streamName);
    const given = fromContext(lookup.scope, key);
    if (given) return recordedSnapshot(given, key, streamName, fetched);
    const value = toContextValue(result, now, key);
    entries[key] = value;
    return snapshotOf(value, streamName, fetched, SnapshotSource.API);
  });
  record(lookup, entries);
  snapshots.sort((a, b) =>
    a.streamName < b.streamName
      ? -1
      : // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort only asks whether a result is below 0, and a project's stream names are unique: this branch never decides an order
        a.streamName > b.streamName
        ? 1
        : 0,
  );
  return { ...fetched, snapshots };
}

/** What cdktf context and the cache hold for a project: all of it, or its misses and stale entries. */
interface ProjectRecordings {
  /** Every stream's snapshot, when everything is recorded and fresh. */
  readonly snapshots?: TransferTasksSnapshot[];
  /** The keys with no value. */
  readonly misses: ReadonlyArray<{ readonly key: string; readonly streamName: string }>;
  /** The values older than the lookup's maxAge. */
  readonly stale: StaleEntry[];
  /** Where the (first) stale value is. */
  readonly staleIn?: Recorded;
}

function fromRecordings(lookup: LookupSettings, target: Target): ProjectRecordings {
  const listKey = projectStreamsContextKey(target.region, target.projectId);
  const listed = readRecorded(lookup, listKey);
  if (!listed) return { misses: [{ key: listKey, streamName: ALL_STREAMS }], stale: [] };
  const list = parseProjectStreamsValue(listed.raw, listKey, listed.where);
  const stale: StaleEntry[] = [];
  let staleIn: Recorded | undefined;
  const note = (recorded: Recorded, key: string, fetchedAt: string): void => {
    const old = tooOld(lookup, recorded, key, fetchedAt);
    if (!old) return;
    stale.push(old);
    staleIn ??= recorded;
  };
  note(listed, listKey, list.fetchedAt);
  const misses: Array<{ key: string; streamName: string }> = [];
  const snapshots: TransferTasksSnapshot[] = [];
  for (const streamName of list.streams) {
    const key = transferTasksContextKey(target.region, target.projectId, streamName);
    const recorded = readRecorded(lookup, key);
    if (!recorded) {
      misses.push({ key, streamName });
      continue;
    }
    const snapshot = recordedSnapshot(recorded, key, streamName, target);
    note(recorded, key, snapshot.fetchedAt);
    snapshots.push(snapshot);
  }
  if (misses.length === 0 && stale.length === 0) return { snapshots, misses, stale };
  return { misses, stale, ...(staleIn ? { staleIn } : {}) };
}

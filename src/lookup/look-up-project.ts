import type { IConstruct } from 'constructs';
import type { BridgeClientOptions, ListProjectAnswer } from './sync-bridge';
import { callLookupBridge } from './call-lookup-bridge';
import {
  ALL_STREAMS,
  projectStreamsContextKey,
  transferTasksContextKey,
  parseContextValue,
  parseProjectStreamsValue,
  toContextValue,
  type ProjectStreamsContextValue,
  type TransferTasksContextValue,
} from './context-entry';
import { LookupMode } from './lookup-mode';
import type { LookupSettings } from './lookup-settings';
import { resolveLookupTarget, type LookupTarget } from './lookup-target';
import { reportMissingLookup } from './missing-lookups';
import { readRecordedValue } from './recorded-value';
import { SnapshotSource } from './snapshot-source';
import { snapshotFromValue } from './snapshot-from-value';
import type { TransferTasksSnapshot } from './transfer-tasks-snapshot';

/** The project's snapshots (sorted by stream), or the keys offline mode could not find. */
export type ProjectLookupOutcome = LookupTarget &
  ({ readonly snapshots: TransferTasksSnapshot[] } | { readonly missingKeys: string[] });

/**
 * A project-wide lookup, with the same mode rules as one stream: the stream list is recorded under
 * `dis-transfer-tasks:{region}:{projectId}:*` and each stream under its own key. Any gap makes
 * `auto` fetch the whole project in one bridge call (listStreams, then the streams' tasks with at
 * most `concurrency` requests in flight); the result is recorded in one locked update.
 */
export function lookUpProject(
  scope: IConstruct,
  settings: LookupSettings,
  client: BridgeClientOptions,
  concurrency: number,
): ProjectLookupOutcome {
  const target = resolveLookupTarget(scope, settings, client, ALL_STREAMS);
  const read = (key: string) => readRecordedValue(scope, settings, key);
  const projectKey = projectStreamsContextKey(target.region, target.projectId);
  const listed = read(projectKey);
  if (listed) {
    const streams = parseProjectStreamsValue(listed.raw, projectKey, listed.where).streams;
    const found = streams.map((s) => ({
      streamName: s,
      key: transferTasksContextKey(target.region, target.projectId, s),
    }));
    const values = found.map((f) => ({ ...f, recorded: read(f.key) }));
    if (values.every((v) => v.recorded)) {
      return {
        ...target,
        snapshots: values.map((v) =>
          snapshotFromValue(parseContextValue(v.recorded!.raw, v.key, v.recorded!.where), {
            streamName: v.streamName,
            ...target,
            source: v.recorded!.source,
          }),
        ),
      };
    }
    if (settings.mode === LookupMode.OFFLINE) {
      const missing = values.filter((v) => !v.recorded);
      for (const m of missing) {
        reportMissingLookup(scope, {
          key: m.key,
          constructPath: scope.node.path,
          modeFrom: settings.modeFrom,
          streamName: m.streamName,
          ...target,
        });
      }
      return { ...target, missingKeys: missing.map((m) => m.key) };
    }
  } else if (settings.mode === LookupMode.OFFLINE) {
    reportMissingLookup(scope, {
      key: projectKey,
      constructPath: scope.node.path,
      modeFrom: settings.modeFrom,
      streamName: ALL_STREAMS,
      ...target,
    });
    return { ...target, missingKeys: [projectKey] };
  }
  return fetchProject(scope, settings, client, concurrency, target);
}

function fetchProject(
  scope: IConstruct,
  settings: LookupSettings,
  client: BridgeClientOptions,
  concurrency: number,
  target: LookupTarget,
): ProjectLookupOutcome {
  const answer = callLookupBridge<ListProjectAnswer>(
    { constructPath: scope.node.path, streamName: ALL_STREAMS, ...target },
    { op: 'listProject', client, concurrency },
  );
  const fetched = { region: answer.target.region, projectId: answer.target.projectId };
  const now = new Date();
  const entries: Record<string, TransferTasksContextValue | ProjectStreamsContextValue> = {
    [projectStreamsContextKey(fetched.region, fetched.projectId)]: {
      fetchedAt: now.toISOString(),
      streams: answer.streams.map((s) => s.streamName).sort(),
    },
  };
  const snapshots = answer.streams.map(({ streamName, result }) => {
    const key = transferTasksContextKey(fetched.region, fetched.projectId, streamName);
    const fromContext: unknown = scope.node.tryGetContext(key);
    if (fromContext !== undefined) {
      const value = parseContextValue(fromContext, key, 'cdktf context');
      return snapshotFromValue(value, { streamName, ...fetched, source: SnapshotSource.CONTEXT });
    }
    const value = toContextValue(result, now);
    entries[key] = value;
    return snapshotFromValue(value, { streamName, ...fetched, source: SnapshotSource.API });
  });
  if (settings.mode !== LookupMode.LIVE) settings.store.update(entries);
  snapshots.sort((a, b) => (a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0));
  return { ...fetched, snapshots };
}

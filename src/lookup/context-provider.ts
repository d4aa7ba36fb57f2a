// The construct side of a lookup, in the manner of aws-cdk's core/lib/context-provider.ts: what a
// construct may read while synth builds it (props, which must be literals, and operator settings,
// which follow one precedence), and how a lookup gets its value: cdktf context first, then the
// context cache (unless older than maxAge), then DIS through the sync bridge, recording what it
// fetched into memory, written once per synth (context-store.ts). Unlike aws-cdk there is no
// placeholder and no second synth: a lookup has real data, or synth fails (DESIGN.md, 1).
//
// The constructs (dis-transfer-tasks.ts) call lookUpStream and lookUpProject (project-lookup.ts);
// the gate uses refuseTokens and resolveOperatorSetting for its own props and settings. Only what
// every cache-miss lookup runs is here (issue 9: six of our files on its path); what some lookups
// need lives beside it: offline.ts (offline misses), recorded-targets.ts (region and project taken
// from recorded entries).
import { resolve } from 'node:path';
import { Aspects, TerraformStack, Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { checkStreamName, resolveProjectId, resolveRegion } from '../client/config';
import { DisConfigError, DisError, messageWithoutCode } from '../client/errors';
import {
  PROJECT_ID_CONTEXT_KEY,
  REGION_CONTEXT_KEY,
  parseContextValue,
  toContextValue,
  transferTasksContextKey,
  type TransferTasksContextValue,
} from './context-entry';
import {
  checkCanRecord,
  CONTEXT_FILE_ENV_VAR,
  DEFAULT_CONTEXT_FILE,
  FileContextStore,
  flushRecordings,
  readThrough,
  recordLater,
  type IContextStore,
} from './context-store';
import type { DisLookupOptions, DisTransferTasksProps, TransferTasksSnapshot } from './dis-transfer-tasks';
import { Duration } from './duration';
import { DisLookupConfigError, DisLookupFailedError, DisLookupTokenError } from './errors';
import { staleError, tooOld } from './freshness';
import { LOOKUP_MODE_SETTING, LookupMode, SnapshotSource } from './lookup-mode';
import { missOffline } from './offline';
import { targetFromRecordings } from './recorded-targets';
import {
  callBridge,
  type BridgeClientOptions,
  type BridgeRequest,
  type ListTransferTasksAnswer,
  type ResolveTargetAnswer,
} from './sync-bridge';

// ---------------------------------------------------------------------------------------------
// What a construct may read while synth builds it: for the lookups and the gate alike.

/**
 * Throws the error `refuse` builds for the first value in `props` that is an unresolved Terraform
 * token, naming it by its path (`streamName`, `credentials.accessKey`, `acknowledgements[0].task`).
 * Arrays and plain objects are searched at any depth; class instances (a construct, a `Duration`,
 * a context store) are not props of values and are skipped.
 */
export function refuseTokens(props: object, refuse: (propPath: string) => Error): void {
  const visit = (value: unknown, path: string): void => {
    if (value === null) return;
    // Stryker disable next-line ConditionalExpression: a shortcut; undefined is no token, no array and no object, so it passes every check below unvisited
    if (value === undefined) return;
    if (Token.isUnresolved(value)) throw refuse(path);
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    // Stryker disable next-line ConditionalExpression: the prototype of a string, number, boolean, symbol, bigint or function is never Object.prototype (null returned above)
    else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [name, v] of Object.entries(value)) visit(v, `${path}.${name}`);
    }
  };
  for (const [name, value] of Object.entries(props)) visit(value, name);
}

/**
 * Where an operator setting was chosen, strongest first. The person who runs synth overrides the
 * app's code: an environment variable for one run (`DIS_GATE_ENFORCEMENT=warn cdktf destroy`),
 * then cdktf context (`cdktf.json`, `--context`), then the construct's prop, then the default.
 */
export const SETTING_PRECEDENCE = ['env', 'context', 'prop', 'default'] as const;

/** One of {@link SETTING_PRECEDENCE}. */
export type SettingOrigin = (typeof SETTING_PRECEDENCE)[number];

/** An operator setting: how a lookup or a gate runs (lookup mode, enforcement, …). */
export interface OperatorSettingSpec<T extends string> {
  /** The prop that sets it on one construct, for messages (`mode`, `enforcement`). */
  readonly prop: string;
  /** The cdktf context key that sets it for the whole app. */
  readonly contextKey: string;
  /** The environment variable that sets it for one run. */
  readonly envVar: string;
  /** Its values; a given value matches one ignoring case and surrounding spaces. */
  readonly values: readonly T[];
  /** The value when none is given. */
  readonly defaultValue: T;
}

/** A setting's value and where it was chosen, so that messages can say what to change. */
export interface ResolvedSetting<T extends string> {
  /** The value in effect. */
  readonly value: T;
  /** Where it was chosen. */
  readonly from: SettingOrigin;
  /** That place in words: `the environment variable DIS_LOOKUP_MODE`, … */
  readonly where: string;
}

/**
 * Resolves an operator setting by {@link SETTING_PRECEDENCE}. An empty value counts as unset; a
 * value that is not one of `spec.values` is refused with the error `invalid` builds, whose message
 * names where it was set and the values allowed.
 */
export function resolveOperatorSetting<T extends string>(
  scope: IConstruct,
  spec: OperatorSettingSpec<T>,
  prop: unknown,
  env: Readonly<Record<string, string | undefined>>,
  invalid: (message: string, where: string) => Error,
): ResolvedSetting<T> {
  const candidates: [SettingOrigin, unknown, string][] = [
    ['env', env[spec.envVar], `the environment variable ${spec.envVar}`],
    ['context', scope.node.tryGetContext(spec.contextKey), `cdktf context "${spec.contextKey}"`],
    ['prop', prop, `the \`${spec.prop}\` prop of ${scope.node.path}`],
  ];
  for (const [from, raw, where] of candidates) {
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
    const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
    const value = spec.values.find((v) => v.toLowerCase() === text);
    if (value === undefined) {
      throw invalid(
        `${JSON.stringify(raw)} in ${where} is not a valid ${spec.prop}: use one of ${spec.values.join(', ')}.`,
        where,
      );
    }
    return { value, from, where };
  }
  return { value: spec.defaultValue, from: 'default', where: 'the default' };
}

/** The default per-lookup deadline, in milliseconds. */
const DEFAULT_LOOKUP_TIMEOUT_MS = 30_000;
/** How the client's deadline error names the lookup's deadline setting. */
const DEADLINE_HINT = 'the `timeoutMs` prop of the lookup';

// ---------------------------------------------------------------------------------------------
// The lookups

/** The region and project a lookup's keys are built from. */
export interface Target {
  readonly region: string;
  readonly projectId: string;
}

/** What a lookup gives its construct. */
export interface LookupResult extends Target {
  /**
   * One snapshot per stream, ordered by stream name; `undefined` when offline mode found no
   * recorded value (the misses are reported: see `missingLookups`).
   */
  readonly snapshots?: TransferTasksSnapshot[];
}

/**
 * One stream's lookup, by mode: cdktf context always wins; `auto` and `offline` then read the cache
 * (an entry older than `maxAge` is fetched again in `auto` and an error in `offline`); `auto` (on a
 * miss), `refresh` and `live` fetch through the bridge; `auto` and `refresh` record.
 */
export function lookUpStream(scope: IConstruct, props: DisTransferTasksProps): LookupResult {
  refuseTokens(props, (prop) => new DisLookupTokenError(scope.node.path, prop));
  checkInput(scope, () => checkStreamName(props.streamName));
  const lookup = resolveLookupSettings(scope, props);
  const { streamName } = props;
  const target = resolveTarget(lookup, streamName);
  const key = transferTasksContextKey(target.region, target.projectId, streamName);
  const recorded = readRecorded(lookup, key);
  if (recorded) {
    const snapshot = recordedSnapshot(recorded, key, streamName, target);
    const stale = tooOld(lookup, recorded, key, snapshot.fetchedAt);
    if (!stale) return { ...target, snapshots: [snapshot] };
    if (lookup.mode === LookupMode.OFFLINE) throw staleError(lookup, recorded, [stale]);
  } else if (lookup.mode === LookupMode.OFFLINE) {
    return missOffline(lookup, target, [{ key, streamName }]);
  }
  if (lookup.mode !== LookupMode.LIVE) checkCanRecord(lookup.store);
  const answer = ask<ListTransferTasksAnswer>(lookup, streamName, target, {
    op: 'listTransferTasks',
    client: { ...lookup.client, ...target },
    streamName,
    mustExist: props.mustExist ?? true,
  });
  const fetched = targetOf(answer.target);
  const fetchedKey = transferTasksContextKey(fetched.region, fetched.projectId, streamName);
  const now = new Date();
  if (!answer.result) {
    // The stream does not exist yet (mustExist: false): nothing is recorded, and an entry recorded
    // while it existed is removed, so that the next synth looks again.
    if (lookup.mode !== LookupMode.LIVE && readThrough(lookup.store, fetchedKey) !== undefined) {
      record(lookup, { [fetchedKey]: undefined });
    }
    const value = toContextValue({ totalNumber: 0, tasks: [], warnings: [] }, now, fetchedKey);
    return { ...fetched, snapshots: [snapshotOf(value, streamName, fetched, SnapshotSource.API, false)] };
  }
  const value = toContextValue(answer.result, now, fetchedKey);
  record(lookup, { [fetchedKey]: value });
  return { ...fetched, snapshots: [snapshotOf(value, streamName, fetched, SnapshotSource.API)] };
}

/** The client options of a lookup, without the environment. */
export type LookupClientOptions = Omit<BridgeClientOptions, 'env'>;

/** A bridge request as a lookup builds it: its client options without the environment. */
export type LookupRequest = BridgeRequest extends infer R
  ? R extends { readonly client: BridgeClientOptions }
    ? Omit<R, 'client'> & { readonly client: LookupClientOptions }
    : never
  : never;

/** Everything a lookup needs to know before it looks anything up. */
export interface LookupSettings {
  /** The construct doing the lookup. */
  readonly scope: IConstruct;
  /** How it uses the cache and the service. */
  readonly mode: LookupMode;
  /** Where the mode was chosen. */
  readonly modeFrom: SettingOrigin;
  /** Where values are recorded. */
  readonly store: IContextStore;
  /** Names the store in messages: the file path, or "the context store". */
  readonly storeLabel: string;
  /**
   * What the worker builds its client from, but the environment (copied only for a call, see
   * {@link ask}); region and project when known without asking.
   */
  readonly client: LookupClientOptions;
  /** The environment the lookup reads. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Recorded values older than this many seconds are fetched again (`maxAge`); none when unset. */
  readonly maxAgeSeconds?: number;
}

const fileStores = new Map<string, FileContextStore>();

/**
 * Resolves mode, store, region, project, timeout, maxAge and credentials from the props, cdktf
 * context and the environment. The mode is an operator setting (the environment overrides cdktf
 * context, which overrides the prop); region and project are targets: the prop, then the cdktf
 * context keys `dis-transfer-tasks:region` and `dis-transfer-tasks:projectId`, then the client's
 * environment chain (what is still unknown may come from recorded entries, see resolveTarget).
 * Credentials stay in memory, never recorded.
 */
export function resolveLookupSettings(
  scope: IConstruct,
  props: DisLookupOptions & { readonly credentials?: object },
  env: Readonly<Record<string, string | undefined>> = process.env,
): LookupSettings {
  const { value: mode, from: modeFrom } = resolveOperatorSetting(
    scope,
    LOOKUP_MODE_SETTING,
    props.mode,
    env,
    (message, where) => new DisLookupConfigError(message, { where }),
  );
  const timeoutMs = props.timeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new DisLookupConfigError(
      `[${scope.node.path}] timeoutMs must be a positive number of milliseconds, got ${timeoutMs}.`,
    );
  }
  if (props.maxAge !== undefined && !Duration.isDuration(props.maxAge)) {
    throw new DisLookupConfigError(
      `[${scope.node.path}] maxAge must be a Duration, such as Duration.hours(24), got ${typeof props.maxAge}.`,
    );
  }
  let store = props.contextStore;
  let storeLabel = 'the context store';
  if (!store) {
    const file = resolve(props.contextFile ?? (env[CONTEXT_FILE_ENV_VAR]?.trim() || DEFAULT_CONTEXT_FILE));
    store = fileStores.get(file) ?? new FileContextStore(file);
    fileStores.set(file, store as FileContextStore);
    storeLabel = file;
  }
  const [regionGiven, regionFrom] = targetSetting(scope, props.region, REGION_CONTEXT_KEY, 'region');
  const region = checkInput(scope, () => resolveRegion(regionGiven, env, regionFrom));
  const [projectGiven, projectFrom] = targetSetting(
    scope,
    props.projectId,
    PROJECT_ID_CONTEXT_KEY,
    'projectId',
  );
  const projectId = checkInput(scope, () => resolveProjectId(projectGiven, env, projectFrom));
  const credentials = Object.fromEntries(
    Object.entries(props.credentials ?? {}).filter(([, v]) => typeof v === 'string' && v !== ''),
  );
  const client: LookupClientOptions = {
    ...(region !== undefined ? { region } : {}),
    ...(projectId !== undefined ? { projectId } : {}),
    ...(props.endpoint !== undefined ? { endpoint: props.endpoint } : {}),
    ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
    deadlineMs: timeoutMs,
    deadlineHint: DEADLINE_HINT,
  };
  const maxAgeSeconds = props.maxAge?.toSeconds();
  return {
    scope,
    mode,
    modeFrom,
    store,
    storeLabel,
    client,
    env,
    ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
  };
}

/**
 * A target setting's explicit value and its name for messages: the prop, else the cdktf context
 * key (`undefined` when neither is set: the client's chain then reads the environment).
 */
function targetSetting(
  scope: IConstruct,
  prop: string | undefined,
  contextKey: string,
  propName: string,
): [string | undefined, string] {
  if (prop !== undefined) return [prop, propName];
  const given: unknown = scope.node.tryGetContext(contextKey);
  if (given === undefined || given === null || given === '') return [undefined, propName];
  return [typeof given === 'string' ? given.trim() : String(given), `cdktf context "${contextKey}"`];
}

/**
 * Runs one of the client's input checks for a lookup, before any cache read or request, and
 * re-throws its error as a `DisLookupConfigError` that starts with the construct path.
 */
function checkInput<T>(scope: IConstruct, check: () => T): T {
  try {
    return check();
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: the checks it runs (checkStreamName, resolveRegion, resolveProjectId) throw no other coded error
    if (!DisError.isDisError(e) || e.code !== DisConfigError.CODE) throw e;
    throw new DisLookupConfigError(`[${scope.node.path}] ${messageWithoutCode(e)}.`, {
      ...e.details,
      constructPath: scope.node.path,
    });
  }
}

/**
 * The region and project: from the props, cdktf context and the environment when both are there
 * (no worker needed); else, in the modes that read the cache, from the recorded entries of the
 * stream (exactly one region and project, or an error listing them); else from the client's
 * `resolveTarget` through the bridge (IAM for the project id). Offline mode never asks the client.
 */
export function resolveTarget(lookup: LookupSettings, streamName: string): Target {
  const { region, projectId } = lookup.client;
  if (region !== undefined && projectId !== undefined) return { region, projectId };
  if (lookup.mode === LookupMode.AUTO || lookup.mode === LookupMode.OFFLINE) {
    const recorded = targetFromRecordings(lookup, streamName);
    if (recorded) return recorded;
  }
  const constructPath = lookup.scope.node.path;
  if (lookup.mode === LookupMode.OFFLINE) {
    const missing = region === undefined ? 'the region' : 'the project id';
    throw new DisLookupConfigError(
      `[${constructPath}] Offline lookups need the region and the project id to find the recorded value ` +
        `of ${streamName === '*' ? 'the stream list' : `stream "${streamName}"`}; ${missing} is not set, ` +
        `and neither cdktf context nor ${lookup.storeLabel} records the stream to take it from. Set the ` +
        '`region` and `projectId` props, the cdktf context keys ' +
        `"${REGION_CONTEXT_KEY}" and "${PROJECT_ID_CONTEXT_KEY}", or HW_REGION_NAME and HW_PROJECT_ID.`,
      { constructPath, streamName },
    );
  }
  const { target } = ask<ResolveTargetAnswer>(
    lookup,
    streamName,
    { region, projectId },
    { op: 'resolveTarget', client: lookup.client },
  );
  return targetOf(target);
}

/** Region and project of a bridge target (which also names the endpoint the client chose). */
export function targetOf({ region, projectId }: Target): Target {
  return { region, projectId };
}

/** A value found under a context key, and where. */
export interface Recorded {
  readonly raw: unknown;
  readonly source: SnapshotSource;
  /** Names the origin in messages. */
  readonly where: string;
}

/** The value cdktf context gives `key`, if any. */
export function fromContext(scope: IConstruct, key: string): Recorded | undefined {
  const raw: unknown = scope.node.tryGetContext(key);
  return raw === undefined ? undefined : { raw, source: SnapshotSource.CONTEXT, where: 'cdktf context' };
}

/**
 * The value a lookup may use instead of asking DIS: cdktf context in every mode, then the context
 * cache (what this process recorded first) in modes `auto` and `offline` only (`refresh` and `live`
 * never read the cache, so a broken cache file does not stop them; `refresh` still refuses to
 * overwrite it).
 */
export function readRecorded(lookup: LookupSettings, key: string): Recorded | undefined {
  const given = fromContext(lookup.scope, key);
  if (given) return given;
  if (lookup.mode !== LookupMode.AUTO && lookup.mode !== LookupMode.OFFLINE) return undefined;
  const raw = readThrough(lookup.store, key);
  return raw === undefined ? undefined : { raw, source: SnapshotSource.CACHE, where: lookup.storeLabel };
}

/** The snapshot a lookup exposes: the recorded value, where it belongs and where it came from. */
export function snapshotOf(
  value: TransferTasksContextValue,
  streamName: string,
  target: Target,
  source: SnapshotSource,
  streamExists = true,
): TransferTasksSnapshot {
  return { streamName, projectId: target.projectId, region: target.region, ...value, source, streamExists };
}

/** The snapshot of a value found under `key`, checked first: a cache file can be edited by hand. */
export function recordedSnapshot(
  recorded: Recorded,
  key: string,
  streamName: string,
  target: Target,
): TransferTasksSnapshot {
  return snapshotOf(
    parseContextValue(recorded.raw, key, recorded.where),
    streamName,
    target,
    recorded.source,
  );
}

/**
 * Records fetched values, unless the mode is `live`: into memory, written with everything else the
 * app recorded when synth starts (an aspect of the lookup's stack) or when the process exits.
 */
export function record(lookup: LookupSettings, entries: Record<string, unknown>): void {
  if (lookup.mode === LookupMode.LIVE) return;
  recordLater(lookup.store, entries);
  flushAtSynth(lookup.scope);
}

const flushingStacks = new WeakSet<IConstruct>();

/** Makes synth of the stack that holds `scope` write what the lookups recorded, once, first thing. */
function flushAtSynth(scope: IConstruct): void {
  const stack = scope.node.scopes.find((s) => TerraformStack.isStack(s));
  if (!stack || flushingStacks.has(stack)) return;
  flushingStacks.add(stack);
  Aspects.of(stack).add({
    visit: (node) => {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the first flush of a synth empties the recordings, so flushing at other nodes of the stack writes nothing more
      if (node === stack) flushRecordings();
    },
  });
}

/**
 * Calls the bridge on behalf of a lookup: a coded failure (client or bridge) is wrapped in
 * `DisLookupFailedError`, which names the construct, stream, project and the fix and keeps the
 * original as `cause`. Configuration errors pass through unchanged: they already say what to fix.
 */
export function ask<T>(
  lookup: LookupSettings,
  streamName: string,
  at: Partial<Target>,
  request: LookupRequest,
): T {
  try {
    // The environment is copied here, for the worker: a cache hit never pays for it.
    return callBridge<T>({
      ...request,
      client: { ...request.client, env: { ...lookup.env } },
    } as BridgeRequest);
  } catch (e) {
    if (!DisError.isDisError(e) || e.code === DisLookupConfigError.CODE) throw e;
    throw new DisLookupFailedError({ constructPath: lookup.scope.node.path, streamName, ...at }, e);
  }
}

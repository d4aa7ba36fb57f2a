import type { ITransferTasksLookup } from '../../src/lookup/dis-transfer-tasks';
import type { TransferTask } from '../../src/client/model';
import type { GateRules } from '../../src/assertion/gate-rules';
import { buildRuleContext, type GateSnapshot } from '../../src/assertion/evaluate-gate';
import type { RuleContext } from '../../src/assertion/rules/rule';

/** The fetch time of every fixture snapshot. */
export const FETCHED_AT = '2026-11-28T12:00:00.000Z';
/** An evaluation time one day after the fetch. */
export const NOW = Date.parse('2026-11-29T12:00:00.000Z');
const FETCHED_MS = Date.parse(FETCHED_AT);

/** A task whose last transfer was `agoSeconds` before the fetch (null: never transferred). */
export function task(
  taskName: string,
  state = 'RUNNING',
  destinationType = 'OBS',
  agoSeconds: number | null = 30,
): TransferTask {
  return {
    taskName,
    state,
    destinationType,
    createTime: FETCHED_MS - 30 * 86400_000,
    ...(agoSeconds === null ? {} : { lastTransferTimestamp: FETCHED_MS - agoSeconds * 1000 }),
  };
}

/** A snapshot of one stream in cn-north-4. */
export function snapshot(streamName: string, tasks: TransferTask[]): GateSnapshot {
  return {
    streamName,
    projectId: '0123456789abcdef0123456789abcdef',
    region: 'cn-north-4',
    tasks,
    fetchedAt: FETCHED_AT,
    source: 'context',
  };
}

/** The demo scenario: orders (orders-to-obs OBS, orders-to-dli DLI) and clicks (clicks-to-obs OBS). */
export function demo(ordersToDliState = 'RUNNING'): GateSnapshot[] {
  return [
    snapshot('orders', [task('orders-to-obs'), task('orders-to-dli', ordersToDliState, 'DLI')]),
    snapshot('clicks', [task('clicks-to-obs')]),
  ];
}

/** The rule context for snapshots and rules. */
export function context(snapshots: GateSnapshot[], rules: GateRules = {}): RuleContext {
  return buildRuleContext(snapshots, rules, NOW);
}

/**
 * A lookup as the assertion sees it (`ITransferTasksLookup` is an interface, so unit tests can
 * hand it snapshots directly; the end-to-end tests use the real lookup).
 */
export function lookupOf(snapshots: GateSnapshot[], allStreams = false): ITransferTasksLookup {
  return {
    allStreams,
    region: 'cn-north-4',
    projectId: '0123456789abcdef0123456789abcdef',
    snapshots: snapshots.map((s) => ({
      streamExists: true,
      ...s,
      source: s.source ?? 'context',
      totalNumber: s.tasks.length,
      warnings: [],
    })),
  };
}

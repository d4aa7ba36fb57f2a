// What the gate reports: findings, the report the construct writes and the CLI prints, and the
// texts synth, plan and the CLI show.
import { formatAge } from '../lookup/duration';
import type { GateRules } from './gate-rules';
import { GateSeverity } from './rules/rule';

// The one age format (lookup/duration.ts), re-exported for the rules and the CLI that read it here.
export { formatAge };

/** What a rule reports about one task (or one stream, or one acknowledgement). */
export interface RuleFinding {
  /** The rule that produced the finding, for example `DIS-TASK-STATE`. */
  readonly ruleId: string;
  /** The stream concerned, when the finding is about a stream or task. */
  readonly streamName?: string;
  /** The task concerned (or the task reference, for a missing task). */
  readonly taskName?: string;
  /** The task's state, when the task exists. */
  readonly state?: string;
  /** The task's destination type, when the task exists. */
  readonly destinationType?: string;
  /** Seconds between the task's last transfer and the snapshot's fetch time, when known. */
  readonly lastTransferAgeSeconds?: number;
  /**
   * The rule id of the acknowledgement the finding is about (`DIS-ACK-*` findings): with the task
   * reference, it tells two acknowledgements of the same task apart.
   * @default - the finding is not about an acknowledgement
   */
  readonly ackRuleId?: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** What to do about it, in one sentence. */
  readonly fix: string;
}

/** A {@link RuleFinding} as the gate reports it: with its severity and acknowledgement. */
export interface GateFinding extends RuleFinding {
  /** Whether the finding fails the gate (`error`, unless acknowledged) or only warns. */
  readonly severity: GateSeverity;
  /** The reason of the acknowledgement that accepted this finding, when one did. */
  readonly acknowledgedReason?: string;
}

/** What evaluation made of an acknowledgement. */
export enum AcknowledgementState {
  /** Well-formed and not expired: it accepts the findings it matches. */
  ACTIVE = 'active',
  /** Past its expiry: it accepts nothing and is reported as `DIS-ACK-EXPIRED`. */
  EXPIRED = 'expired',
  /** A short or missing reason, a malformed expiry, no task or an unknown rule id (`DIS-ACK-INVALID`). */
  INVALID = 'invalid',
}

/** How many findings a report holds, by kind. */
export interface GateReportSummary {
  /** Unacknowledged findings of severity error: the gate fails when this is not 0. */
  readonly errors: number;
  /** Unacknowledged findings of severity warning. */
  readonly warnings: number;
  /** Acknowledged findings, whatever their severity. */
  readonly acknowledged: number;
}

/** The status of one acknowledgement after evaluation. */
export interface AcknowledgementStatus {
  /** The acknowledged rule id. */
  readonly ruleId: string;
  /** The acknowledged task reference. */
  readonly task: string;
  /** The reason given. */
  readonly reason: string;
  /** The expiry given, if any. */
  readonly expires?: string;
  /** What evaluation made of it. */
  readonly status: AcknowledgementState;
  /** How many findings it accepted. */
  readonly matchedFindings: number;
  /** The findings it accepted: the stream and task of each (neither, for a finding about no task). */
  readonly matches: AcknowledgementMatch[];
}

/** A finding an acknowledgement accepted. */
export interface AcknowledgementMatch {
  /**
   * The stream of the finding.
   * @default - the finding is about no stream (such as `DIS-MIN-TASKS`)
   */
  readonly streamName?: string;
  /**
   * The task of the finding.
   * @default - the finding is about no task
   */
  readonly taskName?: string;
}

/** One looked-up stream, as summarized in a report. */
export interface GateReportStream {
  /** The stream name. */
  readonly streamName: string;
  /** The project id. */
  readonly projectId: string;
  /** The region. */
  readonly region: string;
  /** When the tasks were fetched, ISO-8601. */
  readonly fetchedAt: string;
  /** Seconds from the fetch to the evaluation (`evaluatedAt`): the snapshot's age. */
  readonly ageSeconds: number;
  /** Where the snapshot came from, when known. */
  readonly source?: string;
  /** False when the stream does not exist (yet); its tasks are then empty. */
  readonly streamExists: boolean;
  /** The names of the stream's tasks. */
  readonly tasks: string[];
}

/**
 * The result of {@link evaluateGate}: every finding, acknowledged or not, and the status of every
 * acknowledgement. Serialized as is into the JSON report (`formatVersion` 1).
 */
export interface GateReport {
  /** The report format version, 1. */
  readonly formatVersion: number;
  /** True when no unacknowledged error finding exists. */
  readonly healthy: boolean;
  /** When the gate was evaluated, ISO-8601: snapshot ages and acknowledgement expiry are measured at it. */
  readonly evaluatedAt: string;
  /** Counts of unacknowledged errors, warnings and acknowledged findings. */
  readonly summary: GateReportSummary;
  /** Every finding, in rule order then stream/task order. */
  readonly findings: GateFinding[];
  /** Every acknowledgement with its status. */
  readonly acknowledgements: AcknowledgementStatus[];
  /** The streams the gate looked at. */
  readonly streams: GateReportStream[];
  /** The rules applied, defaults filled in. */
  readonly rules: GateRules;
}

/**
 * A multi-line text for a report: a headline, then every finding (errors, then warnings, then
 * acknowledged ones), each on its own line with its level. The text synth, plan and the CLI show.
 */
export function formatGateReport(report: GateReport): string {
  const { errors, warnings, acknowledged } = report.summary;
  const streams = report.streams.map((s) => s.streamName).join(', ') || '(none)';
  const counts = `${count(warnings, 'warning')}, ${acknowledged} acknowledged.`;
  const headline = report.healthy
    ? `DIS transfer task gate passed for ${streams}: ${counts}`
    : `DIS transfer task gate failed for ${streams}: ${count(errors, 'error')}, ${counts}`;
  const rank = (f: GateFinding): number =>
    f.acknowledgedReason !== undefined ? 2 : f.severity === GateSeverity.ERROR ? 0 : 1;
  const lines = report.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => `  ${['ERROR', 'WARN ', 'ACK  '][rank(f)]} ${formatFinding(f)}`);
  return [headline, ...lines].join('\n');
}

/**
 * One line for a finding: rule id, what is wrong, the task's state, destination type and last
 * transfer age when known, what to do, and the acknowledgement reason when acknowledged.
 */
export function formatFinding(finding: GateFinding): string {
  const details: string[] = [];
  if (finding.state !== undefined) details.push(`state ${finding.state}`);
  if (finding.destinationType !== undefined) details.push(`destination ${finding.destinationType}`);
  if (finding.lastTransferAgeSeconds !== undefined) {
    details.push(`last transfer ${formatAge(finding.lastTransferAgeSeconds)} before fetch`);
  } else if (finding.state !== undefined) {
    details.push('never transferred');
  }
  const detail = details.length > 0 ? ` [${details.join(', ')}]` : '';
  const ack = finding.acknowledgedReason === undefined ? '' : ` Acknowledged: ${finding.acknowledgedReason}`;
  return `${finding.ruleId}: ${finding.message}${detail} Fix: ${finding.fix}${ack}`;
}

/** `1 error`, `2 errors`, `0 warnings`: a count with its noun, singular or plural. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Joins `items` with commas, showing at most `max` of them: `a, b, c, … (12 more)`. */
export function formatList(items: readonly string[], max = 10): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … (${items.length - max} more)`;
}

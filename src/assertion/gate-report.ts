import type { GateFinding } from './gate-finding';
import type { GateRules } from './gate-rules';

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
  /** Where the snapshot came from, when known. */
  readonly source?: string;
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

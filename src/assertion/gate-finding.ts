import type { GateSeverity } from './gate-severity';

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

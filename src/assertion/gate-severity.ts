/** How a gate reports the findings of its rules. */
export enum GateSeverity {
  /** Findings fail the gate (and, depending on the enforcement, synth, plan or apply). */
  ERROR = 'error',
  /** Findings are reported as warnings and never fail anything. */
  WARNING = 'warning',
}

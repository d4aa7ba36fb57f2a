import type { DisTransferTasksAssertionProps } from '../dis-transfer-tasks-assertion-props';
import type { GateRules } from '../gate-rules';

/** The construct's props as plain {@link GateRules} data, unset props left out. */
export function toGateRules(props: DisTransferTasksAssertionProps): GateRules {
  const rules: GateRules = {
    allowedStates: props.allowedStates,
    requiredTasks: props.requiredTasks,
    expectedTasks: props.expectedTasks,
    ignoreTasks: props.ignoreTasks,
    destinationTypes: props.destinationTypes,
    maxTransferLagSeconds: props.maxTransferLag?.toSeconds(),
    minTasks: props.minTasks,
    severity: props.severity,
    acknowledgements: props.acknowledgements?.map((a) => ({ ...a })),
  };
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined)) as GateRules;
}

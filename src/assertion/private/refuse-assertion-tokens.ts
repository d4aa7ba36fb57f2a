import { Token } from 'cdktf';
import type { DisTransferTasksAssertionProps } from '../dis-transfer-tasks-assertion-props';
import { GateConfigError } from '../errors';

/**
 * Throws {@link GateConfigError} for the first prop (list entries and acknowledgement fields
 * included) that holds an unresolved Terraform token: the gate is evaluated while synth runs.
 */
export function refuseAssertionTokens(constructPath: string, props: DisTransferTasksAssertionProps): void {
  for (const [name, value] of Object.entries(props)) {
    if (name === 'lookup' || name === 'maxTransferLag') continue;
    const values: unknown[] = Array.isArray(value)
      ? [value, ...value.flatMap((v) => (typeof v === 'object' && v !== null ? Object.values(v) : [v]))]
      : [value];
    if (values.some((v) => v !== undefined && Token.isUnresolved(v))) {
      throw new GateConfigError(
        `The prop ${name} of DisTransferTasksAssertion ${constructPath} holds an unresolved Terraform token, but the gate is evaluated while synth runs. Pass literal values (for example the task names as strings) instead of attributes of resources.`,
        { source: `the prop ${name} of DisTransferTasksAssertion ${constructPath}` },
      );
    }
  }
}

import { DisError } from '../client/errors';

/**
 * A `DisTransferTasksAssertion` was created outside a `TerraformStack` (code
 * `DIS_ASSERTION_SCOPE`): cdktf ignores validations there, so the gate would never run.
 */
export class AssertionScopeError extends DisError {
  public constructor(constructPath: string) {
    super(
      'DIS_ASSERTION_SCOPE',
      `DisTransferTasksAssertion ${constructPath || '(root)'} is not inside a TerraformStack, where cdktf would silently skip its checks. Create it with a stack (or a construct inside one) as its scope: new DisTransferTasksAssertion(stack, 'Gate', { lookup }).`,
      { constructPath },
    );
  }
}

// What a value in a gate rule may be: a state or destination type DIS documents (or, with the
// explicit opt-in, one it spells like them), and a task reference in DIS's naming rule. A typo
// such as `running` or `orders to obs` would otherwise become a rule that never matches.
import { checkServiceValue, NAME_PATTERN, NAME_RULE } from '../client/config';
import type { DisConfigError } from '../client/errors';
import { DestinationType, TransferTaskState } from '../client/model';

/** What is wrong with `state` as an entry of `allowedStates`, if anything (never quoting it). */
export function stateProblem(state: string, allowUndocumented: boolean): string | undefined {
  return valueProblem(state, Object.values(TransferTaskState), 'state', allowUndocumented);
}

/** What is wrong with `type` as an entry of `destinationTypes`, if anything (never quoting it). */
export function destinationTypeProblem(type: string, allowUndocumented: boolean): string | undefined {
  return valueProblem(type, Object.values(DestinationType), 'destination type', allowUndocumented);
}

function valueProblem(
  value: string,
  documented: readonly string[],
  what: string,
  allowUndocumented: boolean,
): string | undefined {
  if (documented.includes(value)) return undefined;
  const expected = `expected a ${what} DIS documents (${documented.join(', ')})`;
  const other = documented.find((d) => d.toLowerCase() === value.toLowerCase());
  if (other !== undefined) return `${expected}, found ${other} in another case: write ${other}`;
  if (!allowUndocumented) {
    return `${expected}, found another string; to accept a ${what} DIS does not document, set allowUndocumentedValues`;
  }
  try {
    checkServiceValue(value, what);
    return undefined;
  } catch (e) {
    return `expected a ${what} as DIS spells them, ${(e as DisConfigError).rule}, found another string`;
  }
}

/**
 * What is wrong with `ref` as a task reference (`task-name` or `stream/task-name`, each name
 * 1-64 letters, digits, `_`, `-`), if anything.
 */
export function taskRefProblem(ref: string): string | undefined {
  const parts = ref.split('/');
  if (parts.length <= 2 && parts.every((p) => NAME_PATTERN.test(p))) return undefined;
  return `expected a task name or stream/task-name (each ${NAME_RULE}), found another string`;
}

/** True when `ref` is a task reference, or `*` (every finding of a rule) where that is allowed. */
export function isTaskRef(ref: string, wildcard = false): boolean {
  return (wildcard && ref === '*') || taskRefProblem(ref) === undefined;
}

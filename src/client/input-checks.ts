import { DisConfigError } from './errors';

/** A shape an input must have, and how to say it. */
interface Rule {
  readonly pattern: RegExp;
  readonly rule: string;
}

const STREAM_NAME: Rule = {
  pattern: /^[A-Za-z0-9_-]{1,60}$/,
  rule: '1-60 characters of letters, digits, "_" and "-"',
};
const TASK_NAME: Rule = {
  pattern: /^[A-Za-z0-9_-]{1,64}$/,
  rule: '1-64 characters of letters, digits, "_" and "-"',
};
const PROJECT_ID: Rule = {
  pattern: /^[0-9a-fA-F]{32}$/,
  rule: '32 hexadecimal characters (the IAM project id, not its name)',
};
const REGION: Rule = {
  pattern: /^[a-z]{2,}(-[a-z]+)+-\d+$/,
  rule: 'a region id such as "cn-north-4" or "eu-west-101"',
};

function check(value: unknown, field: string, { pattern, rule }: Rule): string {
  if (typeof value === 'string' && pattern.test(value)) return value;
  const shown =
    typeof value === 'string' ? `'${value.length > 80 ? `${value.slice(0, 80)}…` : value}'` : String(value);
  throw new DisConfigError(`${field} ${shown} is not valid: it must be ${rule}`, { field, rule });
}

/** Checks a DIS stream name: 1-60 letters, digits, `_`, `-` (ListTransferTasks API reference). */
export function checkStreamName(value: unknown, field = 'streamName'): string {
  return check(value, field, STREAM_NAME);
}

/** Checks a transfer task name: 1-64 letters, digits, `_`, `-` (SDK descriptor models). */
export function checkTaskName(value: unknown, field = 'taskName'): string {
  return check(value, field, TASK_NAME);
}

/** Checks a project id: 32 hex characters. */
export function checkProjectId(value: unknown, field = 'projectId'): string {
  return check(value, field, PROJECT_ID);
}

/** Checks a region id such as `cn-north-4`. */
export function checkRegion(value: unknown, field = 'region'): string {
  return check(value, field, REGION);
}

// The gate rules of `check` from its command line: one option per `GateRules` field, and the
// acknowledgements file. Values are checked by the gate's one validator when the gate file is
// built, so the CLI accepts exactly what the construct's props do.

import { resolve } from 'node:path';
import {
  acknowledgementProblems,
  type GateAcknowledgement,
  type GateRules,
  GateSeverity,
  parseGateRules,
} from '../assertion/gate-rules';
import { GateConfigError } from '../assertion/errors';
import { DisError } from '../client/errors';
import { type CliArgs, type CliOptionSpec, listValues, parseDuration } from './command';
import { CliUsageError } from './errors';
import { quote } from './escape';
import type { CliIo } from './output';

/** The options of `check` that set gate rules; one per `GateRules` field, same meaning. */
export const GATE_RULE_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  'allowed-states': {
    type: 'string',
    multiple: true,
    valueName: 'STATES',
    description:
      'States a task may be in, comma-separated, as DIS spells them (RUNNING, STARTING, PAUSED, …). Default: RUNNING.',
  },
  'required-task': {
    type: 'string',
    multiple: true,
    valueName: 'TASK',
    description: 'A task that must exist: task-name (any stream) or stream/task-name.',
  },
  'expected-task': {
    type: 'string',
    multiple: true,
    valueName: 'TASK',
    description: 'The exact set of tasks: missing ones and any other task are findings (drift check).',
  },
  'ignore-task': {
    type: 'string',
    multiple: true,
    valueName: 'TASK',
    description: 'A task no rule looks at.',
  },
  'destination-type': {
    type: 'string',
    multiple: true,
    valueName: 'TYPES',
    description:
      'Destination types a task may dump to, comma-separated (OBS, MRS, DLI, DWS). Default: any documented.',
  },
  'allow-undocumented-values': {
    type: 'boolean',
    description:
      'Accept in --allowed-states and --destination-type a value DIS does not document (upper case). Default: refused.',
  },
  'max-lag': {
    type: 'string',
    valueName: 'DURATION',
    description:
      'Longest time since a task last transferred: seconds or 90s, 15m, 2h, 1d. Default: no lag check.',
  },
  'min-tasks': {
    type: 'string',
    valueName: 'N',
    description: 'The least number of tasks over all streams. Default: none.',
  },
  acknowledgements: {
    type: 'string',
    valueName: 'FILE',
    description: 'A JSON file of accepted findings: [{ "ruleId", "task", "reason", "expires"? }].',
  },
  'max-acknowledgement-days': {
    type: 'string',
    valueName: 'N',
    description: 'The most days ahead an acknowledgement may expire; one without an expiry is then invalid.',
  },
  'unacknowledgeable-rule': {
    type: 'string',
    multiple: true,
    valueName: 'RULE',
    description: 'A rule id whose findings always count: an acknowledgement of it is invalid.',
  },
  'warn-only': {
    type: 'boolean',
    description: 'Report rule findings as warnings: exit 0 unless the check cannot run.',
  },
  'absent-stream-severity': {
    type: 'string',
    valueName: 'error|warning',
    description:
      'The level of DIS-STREAM-ABSENT, for a stream that does not exist yet (--allow-absent-streams). Default: warning.',
  },
};

/** The `GateRules` field each rule option sets: how a problem the gate finds names the option. */
const RULE_FIELDS: Readonly<Record<string, keyof GateRules>> = {
  'allowed-states': 'allowedStates',
  'required-task': 'requiredTasks',
  'expected-task': 'expectedTasks',
  'ignore-task': 'ignoreTasks',
  'destination-type': 'destinationTypes',
  'allow-undocumented-values': 'allowUndocumentedValues',
  'max-lag': 'maxTransferLagSeconds',
  'min-tasks': 'minTasks',
  acknowledgements: 'acknowledgements',
  'max-acknowledgement-days': 'maxAcknowledgementDays',
  'unacknowledgeable-rule': 'unacknowledgeableRules',
  'warn-only': 'severity',
  'absent-stream-severity': 'absentStreamSeverity',
};

/** A whole number of 0 or more, from a rule option. */
function wholeNumber(args: CliArgs, option: string): number | undefined {
  const text = args.values[option] as string | undefined;
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw new CliUsageError(`--${option} must be a whole number of 0 or more, not ${quote(text)}.`);
  }
  return n;
}

/**
 * One problem the gate's validator found (`allowedStates.0: expected …`), worded with the option
 * and the value given (`--allowed-states 'running': expected …`), field names in its text too.
 */
function optionProblem(problem: string, rules: GateRules): string {
  const match = /^([A-Za-z]+)(?:\.(\d+))?[^:]*: (.*)$/s.exec(problem);
  const option = Object.keys(RULE_FIELDS).find((o) => RULE_FIELDS[o] === match?.[1]);
  if (match === null || option === undefined) return problem;
  const list = rules[match[1] as keyof GateRules];
  const value =
    match[2] !== undefined && Array.isArray(list) ? ` ${quote(String(list[Number(match[2])]))}` : '';
  let text = match[3];
  for (const [o, field] of Object.entries(RULE_FIELDS))
    text = text.replace(new RegExp(`\\b${field}\\b`, 'g'), `--${o}`);
  return `--${option}${value}: ${text}`;
}

/**
 * The `GateRules` the command line sets, checked by the gate's one validator; fields not given are
 * left out, so the gate's defaults apply.
 * @throws CliUsageError naming each option whose value the gate refuses (a state in another case,
 * an undocumented one without --allow-undocumented-values, an unknown rule id, …)
 */
export async function gateRulesFromArgs(args: CliArgs, io: CliIo): Promise<GateRules> {
  const maxLag = args.values['max-lag'] as string | undefined;
  const acks = args.values.acknowledgements as string | undefined;
  const given: GateRules = {
    allowedStates: listValues(args.values['allowed-states']),
    requiredTasks: listValues(args.values['required-task']),
    expectedTasks: listValues(args.values['expected-task']),
    ignoreTasks: listValues(args.values['ignore-task']),
    destinationTypes: listValues(args.values['destination-type']),
    allowUndocumentedValues: args.values['allow-undocumented-values'] === true ? true : undefined,
    maxTransferLagSeconds: maxLag === undefined ? undefined : parseDuration(maxLag, '--max-lag'),
    minTasks: wholeNumber(args, 'min-tasks'),
    maxAcknowledgementDays: wholeNumber(args, 'max-acknowledgement-days'),
    unacknowledgeableRules: listValues(args.values['unacknowledgeable-rule']),
    severity: args.values['warn-only'] === true ? GateSeverity.WARNING : undefined,
    absentStreamSeverity: args.values['absent-stream-severity'] as GateSeverity | undefined,
    acknowledgements: acks === undefined ? undefined : await readAcknowledgements(resolve(io.cwd, acks)),
  };
  const rules = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as GateRules;
  try {
    parseGateRules(rules);
  } catch (e) {
    if (!DisError.isDisError(e) || e.code !== GateConfigError.CODE) throw e;
    const problems = (e as GateConfigError).problems.map((p) => optionProblem(p, rules));
    throw new CliUsageError(
      `The rule options are not valid: ${problems.join('; ')}. Run \`dis-transfer-tasks check --help\` for what each takes.`,
    );
  }
  return rules;
}

/**
 * Reads an acknowledgements file: a JSON array of `{ ruleId, task, reason, expires? }`, or an
 * object with such an array under `acknowledgements`. Entries are checked with the gate file's
 * own validator, so the file accepts exactly what the construct's `acknowledgements` prop does.
 * @throws CliUsageError naming the file, the entry and the field
 */
export async function readAcknowledgements(path: string): Promise<GateAcknowledgement[]> {
  const { readJsonFile } = await import('../assertion/gate-file');
  const json = readJsonFile(
    path,
    (problem, detail) =>
      new CliUsageError(
        problem === 'unreadable'
          ? `Cannot read the acknowledgements file ${path} (${detail}). Check the path given to --acknowledgements.`
          : `The acknowledgements file ${path} is not JSON (${detail}). Fix the syntax.`,
      ),
  );
  const list = Array.isArray(json) ? json : (json as { acknowledgements?: unknown } | null)?.acknowledgements;
  if (!Array.isArray(list)) {
    throw new CliUsageError(
      `The acknowledgements file ${path} must hold a JSON array of { "ruleId", "task", "reason", "expires"? } ` +
        'entries, or an object with that array under "acknowledgements".',
    );
  }
  const problems = acknowledgementProblems(list).join('; ');
  if (problems !== '') {
    throw new CliUsageError(
      `The acknowledgements file ${path} has invalid entries (${problems}). Each entry needs "ruleId", ` +
        '"task" (task, stream/task or *) and "reason", and may have "expires" (YYYY-MM-DD).',
    );
  }
  return list as GateAcknowledgement[];
}

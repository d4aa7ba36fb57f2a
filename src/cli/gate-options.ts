// The gate rules of `check` from its command line: one option per `GateRules` field, and the
// acknowledgements file. Values are checked by the gate's one validator when the gate file is
// built, so the CLI accepts exactly what the construct's props do.

import { resolve } from 'node:path';
import {
  acknowledgementProblems,
  type GateAcknowledgement,
  type GateRules,
  GateSeverity,
} from '../assertion/gate-rules';
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
    description: 'States a task may be in, comma-separated. Default: RUNNING.',
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
  'warn-only': {
    type: 'boolean',
    description: 'Report rule findings as warnings: exit 0 unless the check cannot run.',
  },
};

/** The `GateRules` the command line sets; fields not given are left out, so the gate's defaults apply. */
export async function gateRulesFromArgs(args: CliArgs, io: CliIo): Promise<GateRules> {
  const minTasksText = args.values['min-tasks'] as string | undefined;
  const minTasks = minTasksText === undefined ? undefined : Number(minTasksText);
  if (minTasks !== undefined && (!Number.isInteger(minTasks) || minTasks < 0)) {
    throw new CliUsageError(
      `--min-tasks must be a whole number of 0 or more, not ${quote(minTasksText ?? '')}.`,
    );
  }
  const maxLag = args.values['max-lag'] as string | undefined;
  const acks = args.values.acknowledgements as string | undefined;
  const rules: GateRules = {
    allowedStates: listValues(args.values['allowed-states']),
    requiredTasks: listValues(args.values['required-task']),
    expectedTasks: listValues(args.values['expected-task']),
    ignoreTasks: listValues(args.values['ignore-task']),
    destinationTypes: listValues(args.values['destination-type']),
    maxTransferLagSeconds: maxLag === undefined ? undefined : parseDuration(maxLag, '--max-lag'),
    minTasks,
    severity: args.values['warn-only'] === true ? GateSeverity.WARNING : undefined,
    acknowledgements: acks === undefined ? undefined : await readAcknowledgements(resolve(io.cwd, acks)),
  };
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined)) as GateRules;
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

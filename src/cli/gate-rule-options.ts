import { resolve } from 'node:path';
import { type GateRules, GateSeverity } from '../assertion/gate-rules';
import { type CliArgs, type CliOptionSpec, listValues, parseDuration } from './command';
import type { CliIo } from './output';
import { CliUsageError } from './errors';
import { readAcknowledgements } from './read-acknowledgements';

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
    throw new CliUsageError(`--min-tasks must be a whole number of 0 or more, not '${minTasksText}'.`);
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

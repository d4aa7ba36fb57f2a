// `dis-transfer-tasks check`: the gate of DisTransferTasksAssertion, live, for pipelines and for
// the assertion's 'apply' enforcement; its rules come from a gate file or from the command line.

import { resolve } from 'node:path';
import type { GateFile } from '../../assertion/gate-file';
import type { GateReport } from '../../assertion/gate-report';
import {
  acknowledgementProblems,
  type GateAcknowledgement,
  type GateRules,
  GateSeverity,
} from '../../assertion/gate-rules';
import { DisError } from '../../client/errors';
import { type CliArgs, type CliCommand, type CliOptionSpec, listValues, parseDuration } from '../command';
import { CliUsageError, ExitCode } from '../errors';
import { createClient, STREAM_OPTIONS, streamSelection, TARGET_OPTIONS, targetOverrides } from '../options';
import { type CliIo, type CliOutput, colourGateReport, createStyle } from '../output';
import { formatJUnitError, REPORT_OPTIONS, renderReport, reportTarget, writeReportFile } from '../report';

// ---------------------------------------------------------------------------------------------
// Gate rules from the command line

/** The options of `check` that set gate rules; one per `GateRules` field, same meaning. */
const GATE_RULE_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
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
async function gateRulesFromArgs(args: CliArgs, io: CliIo): Promise<GateRules> {
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

/**
 * Reads an acknowledgements file: a JSON array of `{ ruleId, task, reason, expires? }`, or an
 * object with such an array under `acknowledgements`. Entries are checked with the gate file's
 * own validator, so the file accepts exactly what the construct's `acknowledgements` prop does.
 * @throws CliUsageError naming the file, the entry and the field
 */
export async function readAcknowledgements(path: string): Promise<GateAcknowledgement[]> {
  const { readJsonFile } = await import('../../assertion/gate-file');
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

// ---------------------------------------------------------------------------------------------
// The command

const NAME = 'dis-transfer-tasks check';

const GATE_FILE_OPTION = {
  'gate-file': {
    type: 'string',
    valueName: 'FILE',
    description:
      "A gate file written by cdktf synth for 'apply' enforcement; no target or rule option with it.",
  },
} as const;

/** The gate file the command line describes: `--gate-file`, or the stream, target and rule options. */
async function gateFileFromArgs(args: CliArgs, io: CliIo): Promise<GateFile> {
  const { parseGateFile } = await import('../../assertion/gate-file');
  const path = args.values['gate-file'] as string | undefined;
  if (path !== undefined) {
    const clashing = [STREAM_OPTIONS, TARGET_OPTIONS, GATE_RULE_OPTIONS]
      .flatMap((o) => Object.keys(o))
      .filter((o) => args.values[o] !== undefined);
    if (clashing.length > 0) {
      throw new CliUsageError(
        `--gate-file holds the target and the rules, so ${clashing.map((o) => `--${o}`).join(', ')} cannot be given with it. ` +
          'Change the assertion in the stack and synth again, or drop --gate-file and give the options instead.',
      );
    }
    const { readGateFile } = await import('../../assertion/gate-file');
    return readGateFile(resolve(io.cwd, path));
  }
  const selection = streamSelection(args, NAME);
  const rules = await gateRulesFromArgs(args, io);
  const overrides = targetOverrides(args);
  const target = await (await createClient(overrides, io)).resolveTarget();
  return parseGateFile(
    {
      formatVersion: 1,
      target: {
        region: target.region,
        projectId: target.projectId,
        ...(selection.allStreams ? { allStreams: true } : { streams: selection.streams }),
        ...(overrides.endpoint === undefined ? {} : { endpoint: overrides.endpoint }),
      },
      rules,
    },
    'The rules given on the command line',
  );
}

/** `check`: the gate of `DisTransferTasksAssertion`, live, for pipelines and for `apply` enforcement. */
export const checkCommand: CliCommand = {
  path: ['check'],
  summary: 'Check transfer tasks against gate rules now; exit 1 on findings (the assertion, live).',
  usage: '(--stream NAME… | --all-streams) [rule options] | --gate-file FILE [report options]',
  description:
    'Fetches the tasks now and applies the rules of DisTransferTasksAssertion (the same engine and rule ids).\n' +
    "With --gate-file it reads the target and the rules from the file the assertion's 'apply' enforcement\n" +
    'writes beside the stack. Findings are printed as text; --report adds JSON (the GateReport) or JUnit XML.\n' +
    'Exit codes: 0 healthy, 1 findings, 2 usage or configuration error, 3 service or network error.',
  options: {
    ...STREAM_OPTIONS,
    ...TARGET_OPTIONS,
    ...GATE_RULE_OPTIONS,
    ...GATE_FILE_OPTION,
    ...REPORT_OPTIONS,
  },
  examples: [
    'dis-transfer-tasks check --stream orders --required-task orders-to-obs --max-lag 15m',
    'dis-transfer-tasks check --all-streams --allowed-states RUNNING,STARTING --report junit --report-file dis-gate.xml',
    'dis-transfer-tasks check --gate-file dis-gate.app-gate.gate.json',
  ],
  async run(args, io) {
    const report = reportTarget(args, io);
    const { checkGateLive } = await import('../../assertion/live-check');
    const { formatGateReport } = await import('../../assertion/gate-report');
    let result: GateReport;
    try {
      const gateFile = await gateFileFromArgs(args, io);
      result = await checkGateLive(gateFile, { env: io.env, now: (io.now ?? Date.now)() });
    } catch (e) {
      // A CI job collects the JUnit file even when the step fails: say there why the check did not run.
      if (report?.file !== undefined && report.format === 'junit' && DisError.isDisError(e)) {
        writeReportFile(report.file, formatJUnitError(e.code, e.message));
      }
      throw e;
    }
    const text = (out: CliOutput) =>
      `${colourGateReport(formatGateReport(result), createStyle(out, io.env))}\n`;
    if (report === undefined) {
      io.stdout.write(text(io.stdout));
    } else if (report.file === undefined) {
      io.stderr.write(text(io.stderr));
      io.stdout.write(renderReport(result, report.format));
    } else {
      writeReportFile(report.file, renderReport(result, report.format));
      io.stdout.write(text(io.stdout));
      io.stderr.write(
        `Wrote the ${report.format === 'junit' ? 'JUnit' : 'JSON'} report to ${report.file}.\n`,
      );
    }
    return result.healthy ? ExitCode.OK : ExitCode.FINDINGS;
  },
};

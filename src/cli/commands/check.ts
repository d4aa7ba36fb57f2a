// `dis-transfer-tasks check`: the gate of DisTransferTasksAssertion, live, for pipelines and for
// the assertion's 'apply' enforcement; its rules come from a gate file or from the command line.

import { resolve } from 'node:path';
import type { GateFile } from '../../assertion/gate-file';
import { formatList, type GateReport } from '../../assertion/gate-report';
import { formatAge } from '../../lookup/duration';
import type { GateSarifOptions } from '../../assertion/sarif';
import type { GateClient } from '../../assertion/live-check';
import type { DisClient } from '../../client/dis-client';
import { DisError, messageWithoutCode } from '../../client/errors';
import type { TransferTask } from '../../client/model';
import type { CliArgs, CliCommand, CliOptionSpec } from '../command';
import { ExitCode, CliUsageError } from '../errors';
import { escapeControl, escapeControlDeep } from '../escape';
import { GATE_RULE_OPTIONS, gateRulesFromArgs } from '../gate-options';
import {
  appendStepSummary,
  formatAnnotations,
  formatErrorAnnotation,
  formatErrorSummary,
  formatStepSummary,
  GITHUB_OPTIONS,
  githubTarget,
} from '../github';
import { formatJUnitError } from '../junit';
import {
  clientSettings,
  createClient,
  STREAM_OPTIONS,
  streamSelection,
  TARGET_OPTIONS,
  targetOverrides,
  TIMEOUT_OPTION,
} from '../options';
import { type CliIo, type CliOutput, colourGateReport, createStyle } from '../output';
import { REPORT_OPTIONS, renderReport, reportLabel, reportTarget, writeReportFile } from '../report';

const NAME = 'dis-transfer-tasks check';

/** Options of the target a check from the command line looks at, beyond the streams and where they live. */
const CHECK_TARGET_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  'allow-absent-streams': {
    type: 'boolean',
    description:
      'A --stream that does not exist is a DIS-STREAM-ABSENT finding (a warning by default), not an error (exit 2): for a stream the deployment creates.',
  },
};

const GATE_FILE_OPTION = {
  'gate-file': {
    type: 'string',
    valueName: 'FILE',
    description:
      "A gate file written by cdktf synth for 'apply' enforcement; no target or rule option with it.",
  },
} as const;

/** The gate file to check, the client that fetches its streams, and where SARIF results point. */
interface CheckPlan {
  readonly gateFile: GateFile;
  readonly client: DisClient;
  readonly sarif: GateSarifOptions;
}

/** The folder SARIF paths are relative to: the repository in GitHub Actions, else the working directory. */
function sarifRoot(io: CliIo): string {
  return io.env.GITHUB_WORKSPACE?.trim() || io.cwd;
}

/**
 * What the command line describes: `--gate-file` (the client points where the file says), or the
 * stream, target and rule options (the client resolves the project first, maybe through IAM).
 */
async function planFromArgs(args: CliArgs, io: CliIo): Promise<CheckPlan> {
  const { parseGateFile, readGateFile } = await import('../../assertion/gate-file');
  const settings = clientSettings(args);
  const path = args.values['gate-file'] as string | undefined;
  if (path !== undefined) {
    const clashing = [STREAM_OPTIONS, TARGET_OPTIONS, CHECK_TARGET_OPTIONS, GATE_RULE_OPTIONS]
      .flatMap((o) => Object.keys(o))
      .filter((o) => args.values[o] !== undefined);
    if (clashing.length > 0) {
      throw new CliUsageError(
        `--gate-file holds the target and the rules, so ${clashing.map((o) => `--${o}`).join(', ')} cannot be given with it. ` +
          'Change the assertion in the stack and synth again, or drop --gate-file and give the options instead.',
      );
    }
    const file = resolve(io.cwd, path);
    const gateFile = readGateFile(file);
    const { region, projectId, endpoint } = gateFile.target;
    const client = await createClient({ region, projectId, endpoint }, io, settings);
    // Results point at the gate file, and name the gate's construct; its acknowledgements are the stack's props.
    const sarif: GateSarifOptions = {
      sourceFile: { path: file },
      sourceRoot: sarifRoot(io),
      ...(gateFile.constructPath === undefined ? {} : { constructPath: gateFile.constructPath }),
      suppressionKind: 'inSource',
    };
    return { gateFile, client, sarif };
  }
  const selection = streamSelection(args, NAME);
  const rules = await gateRulesFromArgs(args, io);
  const overrides = targetOverrides(args);
  const client = await createClient(overrides, io, settings);
  const target = await client.resolveTarget();
  const gateFile = parseGateFile(
    {
      formatVersion: 1,
      target: {
        region: target.region,
        projectId: target.projectId,
        ...(selection.allStreams ? { allStreams: true } : { streams: selection.streams }),
        ...(overrides.endpoint === undefined ? {} : { endpoint: overrides.endpoint }),
        ...(args.values['allow-absent-streams'] === true ? { mustExist: false } : {}),
      },
      rules,
    },
    'The rules given on the command line',
  );
  // Results point at the acknowledgements file when there is one, else at the app's cdktf.json.
  const acks = args.values.acknowledgements as string | undefined;
  const sarif: GateSarifOptions = {
    sourceFile: { path: resolve(io.cwd, acks ?? 'cdktf.json') },
    sourceRoot: sarifRoot(io),
    suppressionKind: 'external',
  };
  return { gateFile, client, sarif };
}

/**
 * One line with each snapshot's fetch time and age (streams fetched together named together), and
 * the streams that do not exist: `Snapshots: clicks, orders fetched 2026-…Z, 0s before the check.`
 */
export function formatSnapshots(report: GateReport): string {
  const groups = new Map<string, string[]>();
  for (const s of report.streams) {
    const key = s.streamExists
      ? `fetched ${s.fetchedAt}, ${formatAge(s.ageSeconds)} before the check`
      : 'do not exist';
    groups.set(key, [...(groups.get(key) ?? []), s.streamName]);
  }
  const parts = [...groups].map(([what, names]) => `${formatList(names)} ${what}`);
  return `Snapshots: ${parts.length === 0 ? 'none' : parts.join('; ')}.`;
}

/** A client that keeps the tasks it fetched, by stream, for the GitHub step summary. */
function recordingClient(client: DisClient, tasks: Map<string, TransferTask[]>): GateClient {
  return {
    listStreams: () => client.listStreams(),
    listTransferTasks: async (streamName) => {
      const result = await client.listTransferTasks(streamName);
      tasks.set(streamName, result.tasks);
      return result;
    },
  };
}

/** `check`: the gate of `DisTransferTasksAssertion`, live, for pipelines and for `apply` enforcement. */
export const checkCommand: CliCommand = {
  path: ['check'],
  summary: 'Check transfer tasks against gate rules now; exit 1 on findings (the assertion, live).',
  usage: '(--stream NAME… | --all-streams) [rule options] | --gate-file FILE [output options]',
  description:
    'Fetches the tasks now and applies the rules of DisTransferTasksAssertion (the same engine and rule ids).\n' +
    "With --gate-file it reads the target and the rules from the file the assertion's 'apply' enforcement\n" +
    'writes beside the stack. Findings are printed as text; --output json|junit|sarif prints a report for\n' +
    'scripts, CI test views and code scanning instead (the text then goes to stderr); --report-file writes\n' +
    'it to a file. SARIF results point at the gate file, else the acknowledgements file, else cdktf.json.\n' +
    'In GitHub Actions (GITHUB_ACTIONS=true) every finding is also an annotation, and the run is added to\n' +
    'the step summary.\n' +
    'Exit codes: 0 healthy, 1 findings, 2 usage or configuration error, 3 service or network error.',
  options: {
    ...STREAM_OPTIONS,
    ...TARGET_OPTIONS,
    ...CHECK_TARGET_OPTIONS,
    ...GATE_RULE_OPTIONS,
    ...GATE_FILE_OPTION,
    ...REPORT_OPTIONS,
    ...TIMEOUT_OPTION,
    ...GITHUB_OPTIONS,
  },
  examples: [
    'dis-transfer-tasks check --stream orders --required-task orders-to-obs --max-lag 15m',
    'dis-transfer-tasks check --all-streams --allowed-states RUNNING,STARTING --output junit --report-file dis-gate.xml',
    'dis-transfer-tasks check --gate-file dis-gate.app-gate.gate.json --timeout 2m',
    'dis-transfer-tasks check --all-streams --acknowledgements dis-acks.json --output sarif --report-file dis-gate.sarif',
  ],
  async run(args, io) {
    const report = reportTarget(args, io, NAME);
    const github = githubTarget(args, io.env);
    // Annotations go where the report is not: stdout, unless stdout carries a report.
    const annotations = report !== undefined && report.file === undefined ? io.stderr : io.stdout;
    const { checkGate } = await import('../../assertion/live-check');
    const { formatGateReport } = await import('../../assertion/gate-report');
    const now = (io.now ?? Date.now)();
    const tasks = new Map<string, TransferTask[]>();
    let result: GateReport;
    let plan: CheckPlan;
    try {
      plan = await planFromArgs(args, io);
      result = await checkGate(plan.gateFile, recordingClient(plan.client, tasks), now);
    } catch (e) {
      if (DisError.isDisError(e)) {
        // A CI job collects the JUnit file even when the step fails: say there why the check did not run.
        if (report?.file !== undefined && report.format === 'junit') {
          writeReportFile(report.file, formatJUnitError(e.code, e.message));
        }
        if (github !== undefined) {
          annotations.write(formatErrorAnnotation(e.code, messageWithoutCode(e)));
          appendStepSummary(github, formatErrorSummary(e.code, messageWithoutCode(e)), io.stderr);
        }
      }
      throw e;
    }
    // Every value from outside has its control characters escaped before it becomes a line of text.
    const text = (out: CliOutput) => {
      const style = createStyle(out, io.env);
      const safe = escapeControlDeep(result);
      return `${colourGateReport(formatGateReport(safe), style)}\n${style.dim(formatSnapshots(safe))}\n`;
    };
    if (report === undefined) {
      io.stdout.write(text(io.stdout));
    } else if (report.file === undefined) {
      io.stderr.write(text(io.stderr));
      io.stdout.write(await renderReport(result, report.format, plan.sarif));
    } else {
      writeReportFile(report.file, await renderReport(result, report.format, plan.sarif));
      io.stdout.write(text(io.stdout));
      io.stderr.write(`Wrote the ${reportLabel(report.format)} report to ${escapeControl(report.file)}.\n`);
    }
    if (github !== undefined) {
      annotations.write(formatAnnotations(result));
      appendStepSummary(github, formatStepSummary(result, tasks), io.stderr);
    }
    return result.healthy ? ExitCode.OK : ExitCode.FINDINGS;
  },
};

import { resolve } from 'node:path';
import type { GateFile } from '../../assertion/gate-file';
import type { GateReport } from '../../assertion/gate-report';
import { DisError } from '../../client/errors';
import type { CliArgs, CliCommand } from '../command';
import { type CliIo, type CliOutput, colourGateReport, createStyle } from '../output';
import { CliUsageError, ExitCode } from '../errors';
import { TARGET_OPTIONS, createClient, targetOverrides, STREAM_OPTIONS, streamSelection } from '../options';
import { GATE_RULE_OPTIONS, gateRulesFromArgs } from '../gate-rule-options';
import { formatJUnitError, REPORT_OPTIONS, renderReport, reportTarget, writeReportFile } from '../report';

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

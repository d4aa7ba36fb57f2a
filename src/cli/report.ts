// Where `check` writes what: the --output option (and --report, its deprecated alias), the
// --report-file option, and the machine-readable reports (JSON, JUnit XML, SARIF) of a gate run.
// SARIF comes from the gate engine's one builder (`buildSarifLog`).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { GateReport } from '../assertion/gate-report';
import type { GateSarifOptions } from '../assertion/sarif';
import type { CliArgs, CliOptionSpec } from './command';
import { CliUsageError } from './errors';
import { quote } from './escape';
import { formatJUnitReport } from './junit';
import { OUTPUT_FLAG, type OutputFormat, outputFormat, outputOption } from './options';
import type { CliIo } from './output';

/** What `check` can print: its text report for people, or a machine-readable report. */
export const CHECK_FORMATS: readonly OutputFormat[] = ['table', 'json', 'junit', 'sarif'];

/** The machine-readable formats of a check report. */
export type ReportFormat = Exclude<OutputFormat, 'table'>;

/** What each machine-readable format is called in messages, and the file extensions that pick it. */
const REPORT_FORMATS: Readonly<
  Record<ReportFormat, { readonly label: string; readonly extensions: readonly string[] }>
> = {
  json: { label: 'JSON', extensions: ['.json'] },
  junit: { label: 'JUnit', extensions: ['.xml'] },
  sarif: { label: 'SARIF', extensions: ['.sarif', '.sarif.json'] },
};

/** The label of a report format, as messages name it. */
export function reportLabel(format: ReportFormat): string {
  return REPORT_FORMATS[format].label;
}

/** The deprecated name of `--output` on `check`. */
const DEPRECATED_REPORT_FLAG = '--report';

/** `--output`, `--report-file` and the deprecated `--report` of `check`. */
export const REPORT_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  ...outputOption(CHECK_FORMATS),
  'report-file': {
    type: 'string',
    valueName: 'FILE',
    description:
      'Write the report to FILE and keep the text on stdout (format from --output, else from .json, .xml or .sarif).',
  },
  report: {
    type: 'string',
    valueName: 'json|junit|sarif',
    description: `Deprecated: the old name of ${OUTPUT_FLAG}; it still works and says so on stderr.`,
  },
};

/** Where and how to write the machine-readable report; `undefined` when none was asked for. */
export interface ReportTarget {
  /** The format. */
  readonly format: ReportFormat;
  /** The absolute file path. @default stdout */
  readonly file?: string;
}

/** The format of a report file named `file`, from its extension; `undefined` when it says none. */
function formatOfFile(file: string): ReportFormat | undefined {
  const name = file.toLowerCase();
  const matches = (Object.keys(REPORT_FORMATS) as ReportFormat[]).flatMap((format) =>
    REPORT_FORMATS[format].extensions.filter((ext) => name.endsWith(ext)).map((ext) => ({ format, ext })),
  );
  return matches.sort((a, b) => b.ext.length - a.ext.length)[0]?.format;
}

/**
 * Reads and checks `--output`, `--report-file` and the deprecated `--report` (which warns on
 * stderr, and must agree with `--output` when both are given).
 */
export function reportTarget(
  args: CliArgs,
  io: CliIo,
  command = 'dis-transfer-tasks check',
): ReportTarget | undefined {
  const deprecated = args.values.report as string | undefined;
  if (deprecated !== undefined) {
    io.stderr.write(
      `Warning: ${DEPRECATED_REPORT_FLAG} is deprecated and will be removed; use ${OUTPUT_FLAG} ${quote(deprecated)} instead.\n`,
    );
    if (args.values.output !== undefined && args.values.output !== deprecated) {
      throw new CliUsageError(
        `${OUTPUT_FLAG} ${quote(String(args.values.output))} and ${DEPRECATED_REPORT_FLAG} ${quote(deprecated)} disagree; ` +
          `give ${OUTPUT_FLAG} alone (${DEPRECATED_REPORT_FLAG} is its deprecated name).`,
      );
    }
  }
  const given = args.values.output ?? deprecated;
  const format = outputFormat({ ...args, values: { ...args.values, output: given } }, command, CHECK_FORMATS);
  const file = args.values['report-file'] as string | undefined;
  if (file === undefined) {
    return format === 'table' ? undefined : { format: format as ReportFormat };
  }
  if (given !== undefined && format === 'table') {
    throw new CliUsageError(
      `--report-file writes a machine-readable report: give ${OUTPUT_FLAG} json, junit or sarif with it, not table.`,
    );
  }
  const chosen = given === undefined ? formatOfFile(file) : (format as ReportFormat);
  if (chosen === undefined) {
    throw new CliUsageError(
      `Cannot tell the report format of ${quote(file)}: add ${OUTPUT_FLAG} json, junit or sarif ` +
        '(or name the file .json, .xml or .sarif).',
    );
  }
  return { format: chosen, file: resolve(io.cwd, file) };
}

/**
 * The report in a machine-readable `format`; `sarif` says where its results point (code scanning
 * drops results without a location).
 */
export async function renderReport(
  report: GateReport,
  format: ReportFormat,
  sarif: GateSarifOptions,
): Promise<string> {
  switch (format) {
    case 'junit':
      return formatJUnitReport(report);
    case 'sarif': {
      // Loaded on use: the SARIF builder is not needed by the other formats.
      const { buildSarifLog } = await import('../assertion/sarif');
      return `${JSON.stringify(buildSarifLog(report, sarif), undefined, 2)}\n`;
    }
    default:
      return `${JSON.stringify(report, undefined, 2)}\n`;
  }
}

/** Writes the report file, creating its folder. */
export function writeReportFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

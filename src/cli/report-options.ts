import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { GateReport } from '../assertion/gate-report';
import type { CliArgs, CliOptionSpec } from './command';
import type { CliIo } from './output';
import { CliUsageError } from './errors';
import { formatJUnitReport } from './junit-report';

/** The machine-readable formats of a check report. */
export type ReportFormat = 'json' | 'junit';

/** `--report` and `--report-file`. */
export const REPORT_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  report: {
    type: 'string',
    valueName: 'json|junit',
    description:
      'Also write a machine-readable report: JSON (the GateReport) or JUnit XML for CI test views.',
  },
  'report-file': {
    type: 'string',
    valueName: 'FILE',
    description: 'Write the report to FILE instead of stdout (format from --report, else from .json/.xml).',
  },
};

/** Where and how to write the machine-readable report; `undefined` when none was asked for. */
export interface ReportTarget {
  /** The format. */
  readonly format: ReportFormat;
  /** The absolute file path. @default stdout */
  readonly file?: string;
}

/** Reads and checks `--report`/`--report-file`. */
export function reportTarget(args: CliArgs, io: CliIo): ReportTarget | undefined {
  const format = args.values.report as string | undefined;
  const file = args.values['report-file'] as string | undefined;
  if (format !== undefined && format !== 'json' && format !== 'junit') {
    throw new CliUsageError(
      `--report must be json or junit, not '${format}'. Example: --report junit --report-file dis-gate.xml.`,
    );
  }
  if (file === undefined) {
    return format === undefined ? undefined : { format };
  }
  const inferred = extname(file) === '.xml' ? 'junit' : extname(file) === '.json' ? 'json' : undefined;
  const chosen = format ?? inferred;
  if (chosen === undefined) {
    throw new CliUsageError(
      `Cannot tell the report format of ${file}: add --report json or --report junit (or name the file .json or .xml).`,
    );
  }
  return { format: chosen, file: resolve(io.cwd, file) };
}

/** The report in `format`. */
export function renderReport(report: GateReport, format: ReportFormat): string {
  return format === 'junit' ? formatJUnitReport(report) : `${JSON.stringify(report, undefined, 2)}\n`;
}

/** Writes the report file, creating its folder. */
export function writeReportFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

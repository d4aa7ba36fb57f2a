// `check` in GitHub Actions: a workflow command (annotation) per finding, and a Markdown summary
// of the run appended to the step summary file. On by default when GITHUB_ACTIONS=true.

import { appendFileSync } from 'node:fs';
import { count, formatFinding, type GateFinding, type GateReport } from '../assertion/gate-report';
import { formatAge } from '../lookup/duration';
import type { TransferTask } from '../client/model';
import type { CliArgs, CliOptionSpec } from './command';
import { CliUsageError } from './errors';
import { escapeControl, escapeMarkdown, escapeWorkflowData, escapeWorkflowProperty, quote } from './escape';
import type { CliOutput } from './output';

/** The flag that turns the GitHub Actions output off for one run. */
export const NO_GITHUB_FLAG = '--no-github';

/** The variable that turns the GitHub Actions output off for every run of a job (`off`). */
export const GITHUB_ENV_VAR = 'DIS_GITHUB';

/** `--no-github`. */
export const GITHUB_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  'no-github': {
    type: 'boolean',
    description: `No GitHub Actions annotations and no step summary (written by default when GITHUB_ACTIONS=true; ${GITHUB_ENV_VAR}=off does the same).`,
  },
};

/**
 * GitHub shows at most this many annotations of each level per step and drops the rest silently:
 * past it, the last one says how many more there are.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

/** Rows per table of the step summary, which GitHub caps at 1 MiB per step. */
const SUMMARY_ROWS = 200;

const OFF = ['off', 'false', '0', 'no'];
const ON = ['on', 'true', '1', 'yes', 'auto', ''];

/** Where the GitHub Actions output goes; `undefined` when it is off. */
export interface GithubTarget {
  /** The step summary file (`GITHUB_STEP_SUMMARY`). @default none: annotations only */
  readonly summaryFile?: string;
}

/**
 * Whether this run writes GitHub Actions output: only inside GitHub Actions (`GITHUB_ACTIONS=true`),
 * unless `--no-github` or `DIS_GITHUB=off` says otherwise.
 * @throws CliUsageError for a `DIS_GITHUB` value that is neither on nor off
 */
export function githubTarget(
  args: CliArgs,
  env: Readonly<Record<string, string | undefined>>,
): GithubTarget | undefined {
  const setting = (env[GITHUB_ENV_VAR] ?? '').trim().toLowerCase();
  if (!OFF.includes(setting) && !ON.includes(setting)) {
    throw new CliUsageError(
      `${GITHUB_ENV_VAR} must be off (or false, 0, no) to turn the GitHub Actions output off, or on, not ${quote(env[GITHUB_ENV_VAR] ?? '')}.`,
    );
  }
  if (env.GITHUB_ACTIONS !== 'true' || args.values['no-github'] === true || OFF.includes(setting)) {
    return undefined;
  }
  const summaryFile = env.GITHUB_STEP_SUMMARY?.trim();
  return summaryFile ? { summaryFile } : {};
}

// ---------------------------------------------------------------------------------------------
// Annotations

type Level = 'error' | 'warning' | 'notice';

function levelOf(f: GateFinding): Level {
  if (f.acknowledgedReason !== undefined) return 'notice';
  return f.severity === 'error' ? 'error' : 'warning';
}

function command(level: Level, title: string, message: string): string {
  return `::${level} title=${escapeWorkflowProperty(title)}::${escapeWorkflowData(message)}\n`;
}

/**
 * One workflow command per finding: `::error` for an error, `::warning` for a warning, `::notice`
 * for an acknowledged finding; the title is the rule id, the message says what, where and the fix.
 * Past {@link ANNOTATIONS_PER_LEVEL} of a level, the last one counts the rest.
 */
export function formatAnnotations(report: GateReport): string {
  const byLevel = new Map<Level, GateFinding[]>();
  for (const f of report.findings) byLevel.set(levelOf(f), [...(byLevel.get(levelOf(f)) ?? []), f]);
  let out = '';
  for (const level of ['error', 'warning', 'notice'] as const) {
    const findings = byLevel.get(level) ?? [];
    const shown =
      findings.length > ANNOTATIONS_PER_LEVEL ? findings.slice(0, ANNOTATIONS_PER_LEVEL - 1) : findings;
    for (const f of shown) {
      const text = formatFinding(f);
      out += command(
        level,
        f.ruleId,
        text.startsWith(`${f.ruleId}: `) ? text.slice(f.ruleId.length + 2) : text,
      );
    }
    if (shown.length < findings.length) {
      out += command(
        level,
        'DIS transfer task gate',
        `${count(findings.length - shown.length, `more ${level} finding`)}; the job log and the step summary list them all.`,
      );
    }
  }
  return out;
}

/** The workflow command for a check that could not run: the error's code as title, its message. */
export function formatErrorAnnotation(code: string, message: string): string {
  return command('error', code, message);
}

// ---------------------------------------------------------------------------------------------
// Step summary

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const shown = rows.slice(0, SUMMARY_ROWS).map((r) => line(r.map(escapeMarkdown)));
  const more =
    rows.length > shown.length
      ? [``, `… and ${rows.length - shown.length} more rows (see the job log).`]
      : [];
  return [line(header), line(header.map(() => '---')), ...shown, ...more, ''];
}

/** The tasks of each stream the check fetched, by stream name, for the summary's task table. */
export type FetchedTasks = ReadonlyMap<string, readonly TransferTask[]>;

/**
 * The Markdown summary of a check: the outcome, the streams with their fetch time and age (or that
 * they do not exist yet), the tasks with their states, the findings, and every acknowledgement
 * with what it matched. Every value from outside is
 * escaped: it renders as text, never as a link, tag or table column.
 */
export function formatStepSummary(report: GateReport, tasks: FetchedTasks): string {
  const { errors, warnings, acknowledged } = report.summary;
  const lines = [
    `## DIS transfer task gate: ${report.healthy ? 'passed' : 'failed'}`,
    '',
    `${count(errors, 'error')}, ${count(warnings, 'warning')}, ${acknowledged} acknowledged; checked at ${report.evaluatedAt}.`,
    '',
    '### Streams',
    '',
    ...table(
      ['Stream', 'Region', 'Project', 'Fetched (UTC)', 'Age', 'Tasks'],
      report.streams.map((s) => [
        s.streamName,
        s.region,
        s.projectId,
        s.fetchedAt,
        formatAge(s.ageSeconds),
        s.streamExists ? String(s.tasks.length) : 'stream does not exist',
      ]),
    ),
    '### Tasks',
    '',
    ...table(
      ['Stream', 'Task', 'State', 'Destination'],
      report.streams.flatMap((s) =>
        (
          tasks.get(s.streamName) ?? s.tasks.map((taskName) => ({ taskName, state: '', destinationType: '' }))
        ).map((t) => [s.streamName, t.taskName, t.state, t.destinationType]),
      ),
    ),
    '### Findings',
    '',
    ...(report.findings.length === 0
      ? ['None.', '']
      : table(
          ['Level', 'Rule', 'Stream', 'Task', 'What', 'Fix'],
          report.findings.map((f) => [
            levelOf(f) === 'notice' ? `acknowledged: ${f.acknowledgedReason ?? ''}` : levelOf(f),
            f.ruleId,
            f.streamName ?? '',
            f.taskName ?? '',
            f.message,
            f.fix,
          ]),
        )),
  ];
  if (report.acknowledgements.length > 0) {
    lines.push(
      '### Acknowledgements',
      '',
      ...table(
        ['Rule', 'Task', 'Reason', 'Expires', 'Status', 'Matched'],
        report.acknowledgements.map((a) => [
          a.ruleId,
          a.task,
          a.reason,
          a.expires ?? '',
          a.status,
          a.matches.length === 0
            ? 'nothing'
            : a.matches
                .map((m) => [m.streamName, m.taskName].filter((x) => x !== undefined).join('/') || '(gate)')
                .join(', '),
        ]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The Markdown summary of a check that could not run. */
export function formatErrorSummary(code: string, message: string): string {
  return `## DIS transfer task gate: could not run\n\n${escapeMarkdown(code)}: ${escapeMarkdown(message)}\n`;
}

/**
 * Appends `markdown` to the step summary file, if there is one. A file that cannot be written is
 * a warning on `stderr`: it never changes the outcome of the check.
 */
export function appendStepSummary(target: GithubTarget, markdown: string, stderr: CliOutput): void {
  if (target.summaryFile === undefined) return;
  try {
    appendFileSync(target.summaryFile, markdown);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    stderr.write(
      `Warning: could not append the summary to GITHUB_STEP_SUMMARY (${escapeControl(target.summaryFile)}, ${escapeControl(reason)}); the check's result is unchanged.\n`,
    );
  }
}

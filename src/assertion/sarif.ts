// The gate's verdict as SARIF 2.1.0, the format GitHub code scanning and other CI views read: a
// pure function of a GateReport and the rules. The construct's `reportFormats` and the CLI's
// `check --output sarif` write what it returns.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GateFinding, GateReport, GateReportStream } from './gate-report';
import { GATE_RULES } from './rules';
import { FindingSubject, GateSeverity, type GateRule } from './rules/rule';
import type { SarifLog, SarifLocation, SarifReportingDescriptor, SarifResult } from './sarif-log';

/** The `$schema` of every log: the final OASIS SARIF 2.1.0 schema. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The tool name in every log (`tool.driver.name`): the name of the CLI. */
export const SARIF_TOOL_NAME = 'dis-transfer-tasks';
/**
 * The key of the gate's own fingerprint in `partialFingerprints`: a digest of what identifies a
 * finding across runs (rule, gate, target, stream, task), never of its wording or ages.
 */
export const SARIF_FINGERPRINT_KEY = 'disTransferTasksFinding/v1';
/** The `uriBaseId` of every relative artifact location. */
export const SARIF_SOURCE_ROOT_ID = '%SRCROOT%';

/** A file a result points at, and where in it. */
export interface SarifFileLocation {
  /** The file: absolute, or relative to `sourceRoot` (forward or platform slashes). */
  readonly path: string;
  /**
   * The 1-based line the results point at.
   * @default 1
   */
  readonly line?: number;
  /**
   * Lines by stream name, for the context cache: the line of each stream's recorded entry.
   * @default - every result on `line`
   */
  readonly streamLines?: Readonly<Record<string, number>>;
}

/** Where the findings of a SARIF log point, and how its tool is named. */
export interface GateSarifOptions {
  /**
   * The file that declares the gate: the stack file (where the assertion is created), or the gate
   * file `check --gate-file` read. Findings about the gate's configuration point here, and every
   * finding when no `contextFile` applies. Code scanning drops results without a location.
   */
  readonly sourceFile: SarifFileLocation;
  /**
   * The context cache (`cdktf.context.json`) the snapshots were recorded in: findings about the
   * looked-up data of a stream recorded there point at its entry.
   * @default - every finding points at `sourceFile`
   */
  readonly contextFile?: SarifFileLocation;
  /**
   * The folder relative paths start from, and which absolute paths are made relative to:
   * the repository root, for code scanning.
   * @default - paths are written as given; absolute ones as `file://` URIs
   */
  readonly sourceRoot?: string;
  /**
   * The construct path of the gate (`stack/Gate`): each result's logical location, part of its
   * fingerprint and of the run's `automationDetails.id`.
   * @default - the gate has no construct path (a check from the command line)
   */
  readonly constructPath?: string;
  /**
   * Where acknowledgements are kept, as SARIF names it: `inSource` (the stack's props) or
   * `external` (an acknowledgements file).
   * @default 'inSource'
   */
  readonly suppressionKind?: 'inSource' | 'external';
  /**
   * The version of this package, as `tool.driver.version`.
   * @default - read from the package's package.json
   */
  readonly toolVersion?: string;
  /**
   * Where to learn about the tool (`tool.driver.informationUri`).
   * @default - the package's homepage, when its package.json names one
   */
  readonly informationUri?: string;
  /**
   * The rules to describe in `tool.driver.rules`.
   * @default GATE_RULES
   */
  readonly rules?: readonly GateRule[];
}

/**
 * The report as a SARIF 2.1.0 log: `tool.driver` describes every rule (id, short and full
 * description, help with the fix, default level); each finding is one result with its rule, level,
 * message (naming stream and task), a physical location (the context cache for findings about a
 * recorded snapshot, else the source file), the gate's construct path as logical location and a
 * fingerprint that stays the same across runs. Acknowledged findings carry a suppression with
 * their reason, so code scanning shows them as dismissed rather than open.
 */
export function buildSarifLog(report: GateReport, options: GateSarifOptions): SarifLog {
  const rules = options.rules ?? GATE_RULES;
  const manifest = packageManifest();
  const version = options.toolVersion ?? manifest.version;
  const informationUri = options.informationUri ?? manifest.homepage;
  const streams = new Map(report.streams.map((s) => [s.streamName, s]));
  const indexes = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = report.findings.map((finding) => {
    const index = indexes.get(finding.ruleId);
    return toResult(
      finding,
      index,
      index === undefined ? undefined : rules[index].subject,
      streams.get(finding.streamName ?? ''),
      options,
    );
  });
  const uriBase =
    options.sourceRoot === undefined
      ? {}
      : { originalUriBaseIds: { [SARIF_SOURCE_ROOT_ID]: { uri: directoryUri(options.sourceRoot) } } };
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            fullName: 'cdktf-dis-transfer-tasks gate (DisTransferTasksAssertion)',
            ...(version === undefined ? {} : { version, semanticVersion: version }),
            ...(informationUri === undefined ? {} : { informationUri }),
            rules: rules.map(toDescriptor),
          },
        },
        automationDetails: { id: `${SARIF_TOOL_NAME}/${options.constructPath ?? 'check'}/` },
        ...uriBase,
        invocations: [{ executionSuccessful: true }],
        results,
        properties: {
          healthy: report.healthy,
          summary: report.summary,
          streams: report.streams,
        },
      },
    ],
  };
}

function toDescriptor(rule: GateRule): SarifReportingDescriptor {
  const acknowledge = rule.acknowledgeable
    ? `To accept a finding, acknowledge it: { ruleId: '${rule.id}', task, reason } (a reason of 10 or more characters, an optional expiry).`
    : 'Its findings cannot be acknowledged.';
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.summary} ${rule.description} Fix: ${rule.fix} ${acknowledge}`,
      markdown: `**${rule.id}**: ${rule.summary}\n\n${rule.description}\n\n**Fix:** ${rule.fix}\n\n${acknowledge}`,
    },
    defaultConfiguration: { level: sarifLevel(rule.level) },
    properties: { tags: ['dis', 'transfer-tasks', rule.subject], acknowledgeable: rule.acknowledgeable },
  };
}

function toResult(
  finding: GateFinding,
  ruleIndex: number | undefined,
  subject: FindingSubject | undefined,
  stream: GateReportStream | undefined,
  options: GateSarifOptions,
): SarifResult {
  const recorded =
    subject === FindingSubject.SNAPSHOT &&
    options.contextFile !== undefined &&
    stream !== undefined &&
    stream.source !== 'context';
  const file = recorded ? options.contextFile! : options.sourceFile;
  const line = (stream && file.streamLines?.[stream.streamName]) ?? file.line ?? 1;
  const location: SarifLocation = {
    physicalLocation: {
      artifactLocation: artifactLocation(file.path, options.sourceRoot),
      region: { startLine: Math.max(1, Math.floor(line)) },
    },
    ...(options.constructPath === undefined
      ? {}
      : { logicalLocations: [{ fullyQualifiedName: options.constructPath, kind: 'resource' }] }),
  };
  const fix = finding.fix === '' ? '' : ` Fix: ${finding.fix}`;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: sarifLevel(finding.severity),
    message: { text: `${finding.message}${fix}` },
    locations: [location],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprint(finding, stream, options.constructPath) },
    ...(finding.acknowledgedReason === undefined
      ? {}
      : {
          suppressions: [
            {
              kind: options.suppressionKind ?? 'inSource',
              status: 'accepted',
              justification: finding.acknowledgedReason,
            },
          ],
        }),
    properties: {
      severity: finding.severity,
      ...pick(finding, ['streamName', 'taskName', 'state', 'destinationType', 'ackRuleId']),
      ...(stream === undefined
        ? {}
        : { region: stream.region, projectId: stream.projectId, fetchedAt: stream.fetchedAt }),
    },
  };
}

/**
 * What identifies a finding across runs: the rule, the gate, the target, the stream and the task
 * (and, for a finding about an acknowledgement, the rule it acknowledges). Never the message,
 * whose ages change from run to run.
 */
function fingerprint(
  finding: GateFinding,
  stream: GateReportStream | undefined,
  constructPath?: string,
): string {
  const identity = [
    finding.ruleId,
    constructPath ?? '',
    stream?.region ?? '',
    stream?.projectId ?? '',
    finding.streamName ?? '',
    finding.taskName ?? '',
    finding.ackRuleId ?? '',
  ];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

function artifactLocation(path: string, sourceRoot: string | undefined): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path)) {
    const inside = sourceRoot === undefined ? undefined : relative(sourceRoot, path);
    if (inside === undefined || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      return { uri: pathToFileURL(path).href };
    }
    return { uri: encodePath(inside), uriBaseId: SARIF_SOURCE_ROOT_ID };
  }
  return { uri: encodePath(path), ...(sourceRoot === undefined ? {} : { uriBaseId: SARIF_SOURCE_ROOT_ID }) };
}

/** A relative path as a relative URI reference: forward slashes, each segment percent-encoded. */
function encodePath(path: string): string {
  return path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}

function directoryUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function sarifLevel(severity: GateSeverity): 'error' | 'warning' {
  return severity === GateSeverity.ERROR ? 'error' : 'warning';
}

/** `DIS-TASK-STATE` → `DisTaskState`: SARIF's `name`, an identifier-like form of the id. */
function ruleName(id: string): string {
  return id
    .toLowerCase()
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Partial<
    Pick<T, K>
  >;
}

let manifest: { version?: string; homepage?: string } | undefined;

/** This package's version and homepage, from its package.json (two levels above this file). */
function packageManifest(): { version?: string; homepage?: string } {
  if (manifest === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- read once, only when a log is built
    const { version, homepage } = require('../../package.json') as { version?: string; homepage?: string };
    manifest = { version, homepage };
  }
  return manifest;
}

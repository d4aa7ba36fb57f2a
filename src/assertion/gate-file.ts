import { z } from 'zod';
import { GateConfigError } from './gate-config-error';
import type { GateRules } from './gate-rules';
import { GateSeverity } from './gate-severity';

/** Where a gate looks: the streams (or every stream) of one project. Never credentials. */
export interface GateTarget {
  /** The region, for example `cn-north-4`. */
  readonly region: string;
  /** The project id. */
  readonly projectId: string;
  /**
   * The streams to check.
   * @default - none; then `allStreams` must be true
   */
  readonly streams?: string[];
  /**
   * Check every stream of the project.
   * @default false
   */
  readonly allStreams?: boolean;
  /**
   * The DIS base URL.
   * @default - resolved by the client from the region or `HW_DIS_ENDPOINT`
   */
  readonly endpoint?: string;
}

/**
 * The file `apply` enforcement writes beside the stack and `dis-transfer-tasks check --gate-file`
 * reads: the target and the rules, as JSON. Credentials come from the environment at check time
 * and are refused here.
 */
export interface GateFile {
  /** The gate file format version. */
  readonly formatVersion: 1;
  /** The construct path of the assertion that wrote it, for messages. */
  readonly constructPath?: string;
  /** Where to look. */
  readonly target: GateTarget;
  /** What to require. */
  readonly rules: GateRules;
}

const names = z.array(z.string().min(1));

const AcknowledgementSchema = z.strictObject({
  ruleId: z.string(),
  task: z.string(),
  reason: z.string(),
  expires: z.string().optional(),
});

/** The zod schema of {@link GateRules}: unknown keys are refused, so typos do not pass silently. */
export const GateRulesSchema = z.strictObject({
  allowedStates: names.optional(),
  requiredTasks: names.optional(),
  expectedTasks: names.optional(),
  ignoreTasks: names.optional(),
  destinationTypes: names.optional(),
  maxTransferLagSeconds: z.number().nonnegative().optional(),
  minTasks: z.number().int().nonnegative().optional(),
  severity: z.enum([GateSeverity.ERROR, GateSeverity.WARNING]).optional(),
  acknowledgements: z.array(AcknowledgementSchema).optional(),
});

/** The zod schema of {@link GateTarget}: exactly one of `streams` and `allStreams: true`. */
export const GateTargetSchema = z
  .strictObject({
    region: z.string().min(1),
    projectId: z.string().min(1),
    streams: names.min(1).optional(),
    allStreams: z.boolean().optional(),
    endpoint: z.url().optional(),
  })
  .refine((t) => (t.allStreams === true) !== (t.streams !== undefined), {
    message: 'give either "streams" (a non-empty list) or "allStreams": true, not both',
  });

/** The zod schema of {@link GateFile}. */
export const GateFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  constructPath: z.string().optional(),
  target: GateTargetSchema,
  rules: GateRulesSchema,
});

/**
 * Validates parsed JSON as a {@link GateFile}.
 * @param value the parsed JSON
 * @param source where it came from (a file name), for the error message
 * @throws GateConfigError listing every problem, path by path
 */
export function parseGateFile(value: unknown, source = 'the gate file'): GateFile {
  const result = GateFileSchema.safeParse(value);
  if (result.success) return result.data as GateFile;
  const problems = result.error.issues.map(
    (i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`,
  );
  throw new GateConfigError(
    `${source} is not a valid gate file: ${problems.join('; ')}. Re-run cdktf synth to regenerate it, or fix it by hand (see the README, "The gate").`,
    { source, problems },
  );
}

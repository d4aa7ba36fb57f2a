// The zod schemas of gate files. Loaded when a gate file is parsed or a schema is read (through the
// lazy exports of ./gate-file), never with the package itself.
import { z } from 'zod';
import { GateSeverity } from './gate-rules';

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

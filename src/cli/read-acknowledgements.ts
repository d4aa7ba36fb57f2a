import { readFileSync } from 'node:fs';
import type { GateAcknowledgement } from '../assertion/gate-rules';
import { CliUsageError } from './cli-usage-error';

/**
 * Reads an acknowledgements file: a JSON array of `{ ruleId, task, reason, expires? }`, or an
 * object with such an array under `acknowledgements`. Entries are checked with the gate file's
 * own schema, so the file accepts exactly what the construct's `acknowledgements` prop does.
 * @throws CliUsageError naming the file, the entry and the field
 */
export async function readAcknowledgements(path: string): Promise<GateAcknowledgement[]> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new CliUsageError(
      `Cannot read the acknowledgements file ${path} (${code}). Check the path given to --acknowledgements.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliUsageError(
      `The acknowledgements file ${path} is not JSON (${(e as Error).message}). Fix the syntax.`,
    );
  }
  const list = Array.isArray(json) ? json : (json as { acknowledgements?: unknown } | null)?.acknowledgements;
  if (!Array.isArray(list)) {
    throw new CliUsageError(
      `The acknowledgements file ${path} must hold a JSON array of { "ruleId", "task", "reason", "expires"? } ` +
        'entries, or an object with that array under "acknowledgements".',
    );
  }
  // Loaded on use: the schema brings zod, which commands that take no acknowledgements never need.
  const { GateRulesSchema } = await import('../assertion/gate-file-schema');
  const checked = GateRulesSchema.pick({ acknowledgements: true }).safeParse({ acknowledgements: list });
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.slice(1).join('.')}: ${i.message}`).join('; ');
    throw new CliUsageError(
      `The acknowledgements file ${path} has invalid entries (${problems}). Each entry needs "ruleId", ` +
        '"task" (task, stream/task or *) and "reason", and may have "expires" (YYYY-MM-DD).',
    );
  }
  return list as GateAcknowledgement[];
}

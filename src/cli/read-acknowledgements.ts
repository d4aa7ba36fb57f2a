import { readFileSync } from 'node:fs';
import { acknowledgementProblems, type GateAcknowledgement } from '../assertion/gate-rules';
import { CliUsageError } from './errors';

/**
 * Reads an acknowledgements file: a JSON array of `{ ruleId, task, reason, expires? }`, or an
 * object with such an array under `acknowledgements`. Entries are checked with the gate file's
 * own validator, so the file accepts exactly what the construct's `acknowledgements` prop does.
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
  const problems = acknowledgementProblems(list).join('; ');
  if (problems !== '') {
    throw new CliUsageError(
      `The acknowledgements file ${path} has invalid entries (${problems}). Each entry needs "ruleId", ` +
        '"task" (task, stream/task or *) and "reason", and may have "expires" (YYYY-MM-DD).',
    );
  }
  return list as GateAcknowledgement[];
}

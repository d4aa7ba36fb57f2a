import { readFileSync } from 'node:fs';
import type { GateAcknowledgement } from '../assertion/gate-acknowledgement';
import { CliUsageError } from './cli-usage-error';

/**
 * Reads an acknowledgements file: a JSON array of `{ ruleId, task, reason, expires? }`, or an
 * object with such an array under `acknowledgements`. Entries are validated with the rest of the
 * rules (by the gate file schema); here only the file and its outer shape are checked.
 */
export function readAcknowledgements(path: string): GateAcknowledgement[] {
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
  return list as GateAcknowledgement[];
}

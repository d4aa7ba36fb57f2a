import { readFileSync } from 'node:fs';
import { GateConfigError } from './gate-config-error';
import { parseGateFile, type GateFile } from './gate-file';

/**
 * Reads and validates a gate file.
 * @throws GateConfigError when the file cannot be read, is not JSON or is not a gate file
 */
export function readGateFile(path: string): GateFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new GateConfigError(
      `Cannot read the gate file ${path} (${code}). Pass the path of a file written by cdktf synth (dis-gate.*.gate.json beside the stack).`,
      {
        path,
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new GateConfigError(
      `The gate file ${path} is not JSON (${(e as Error).message}). Re-run cdktf synth to regenerate it.`,
      { path },
    );
  }
  return parseGateFile(json, `The gate file ${path}`);
}

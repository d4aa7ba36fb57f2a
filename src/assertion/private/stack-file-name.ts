import type { Construct } from 'constructs';

/**
 * A file name for something a construct writes beside its stack, unique per construct:
 * `dis-gate.<path inside the stack, dots for slashes>.<suffix>`, e.g. `dis-gate.Gate.report.json`.
 */
export function stackFileName(construct: Construct, stackPath: string, suffix: string): string {
  const relative = construct.node.path.slice(stackPath.length).replace(/^\//, '');
  const safe = relative.replace(/\//g, '.').replace(/[^A-Za-z0-9_.-]/g, '_');
  return `dis-gate.${safe}.${suffix}`;
}

import type { DisClient } from '../client/dis-client';
import { checkGate } from './check-gate';
import type { GateFile } from './gate-file';
import type { GateReport } from './gate-report';

/** Options of {@link checkGateLive}. */
export interface CheckGateLiveOptions {
  /**
   * Where credentials and other `HW_*` settings are read from; the gate file never holds them.
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The evaluation time, epoch ms: the fetch time of every snapshot (lag) and the acknowledgement clock.
   * @default Date.now()
   */
  readonly now?: number;
}

/**
 * Checks a gate file against the live DIS API: what `dis-transfer-tasks check --gate-file` and
 * `Enforcement.APPLY` run. The client is built from the gate file's region, project id and
 * endpoint; credentials come only from `env`. Client errors (`DisApiError`, `DisAuthError`,
 * `DisNetworkError`, `DisConfigError`, …) propagate unchanged.
 */
export async function checkGateLive(
  gateFile: GateFile,
  options: CheckGateLiveOptions = {},
): Promise<GateReport> {
  const { target } = gateFile;
  // Required here, not at the top: DisClient loads undici and zod, and the package root still
  // exports this function (issue 9 moves it off the construct API; then a plain import will do).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DisClient: Client } = require('../client/dis-client') as { DisClient: typeof DisClient };
  const client = new Client({
    region: target.region,
    projectId: target.projectId,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  return checkGate(gateFile, client, options.now ?? Date.now());
}

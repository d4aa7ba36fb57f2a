// The reports and options the SARIF tests share: a failing report (acknowledged, invalid and
// config findings beside the open ones) and the options of a typical app.
import { evaluateGate } from '../../src/assertion/evaluate-gate';
import type { GateSarifOptions } from '../../src/assertion/sarif';
import type { SarifLog, SarifResult } from '../../src/assertion/sarif-log';
import { demo, NOW, snapshot, task } from './gate-fixtures';

/** The reason of the fixtures' acknowledgements. */
export const reason = 'tracked in OPS-1234, resumes after the DLI migration';
/** The options of a typical app: relative paths, a construct path, a tool version. */
export const OPTIONS: GateSarifOptions = {
  sourceFile: { path: 'infra/main.ts', line: 12 },
  contextFile: { path: 'infra/cdktf.context.json', streamLines: { orders: 7 } },
  constructPath: 'demo/Gate',
  toolVersion: '1.2.3',
  informationUri: 'https://example.com/cdktf-dis-transfer-tasks',
};

/** orders (recorded in the cache): orders-to-dli PAUSED; clicks (cdktf context): fine. */
export function failing(acknowledge = false) {
  const orders = { ...snapshot('orders', [task('orders-to-obs'), task('orders-to-dli', 'PAUSED', 'DLI')]) };
  return evaluateGate(
    [{ ...orders, source: 'cache' }, demo()[1]],
    {
      requiredTasks: ['orders-to-dws'],
      minTasks: 9,
      acknowledgements: [
        { ruleId: 'DIS-MIN-TASKS', task: '*', reason },
        ...(acknowledge ? [{ ruleId: 'DIS-TASK-STATE', task: 'orders/orders-to-dli', reason }] : []),
        { ruleId: 'DIS-TASK-STATE', task: 'gone', reason: 'short' },
      ],
    },
    NOW,
  );
}

/** The result of `ruleId` in `log`; throws when there is none. */
export function result(log: SarifLog, ruleId: string): SarifResult {
  const found = log.runs[0].results.find((r) => r.ruleId === ruleId);
  if (found === undefined) throw new Error(`no ${ruleId} result`);
  return found;
}

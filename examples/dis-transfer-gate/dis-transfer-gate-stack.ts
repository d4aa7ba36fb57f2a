import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { DisTransferTasks, DisTransferTasksAssertion, Duration, GateReportFormat } from '../../lib';
import { DisStream } from '../../.gen/providers/huaweicloud/dis-stream';
import { HuaweicloudProvider } from '../../.gen/providers/huaweicloud/provider';

/** Props of {@link DisTransferGateStack}. */
export interface DisTransferGateStackProps {
  /** The DIS stream the stack manages and whose transfer tasks it reads at synth. */
  readonly streamName: string;
  /**
   * The longest accepted time since a task last transferred data, in seconds.
   * @default 3600
   */
  readonly maxTransferLagSeconds?: number;
}

/**
 * A stack that manages a DIS stream and gates its deployment on the stream's transfer tasks.
 *
 * The huaweicloud provider has no resource or data source for transfer ("dump") tasks, so the
 * stack reads them at synth with `DisTransferTasks`, uses their names in an output and in a
 * resource argument, and refuses to synthesize when one of them is not RUNNING or has not
 * transferred data for too long (`DisTransferTasksAssertion`).
 *
 * The stack creates the stream it reads: on its first deploy the stream does not exist yet. The
 * lookup says so (`mustExist: false`) instead of failing synth, and the gate reports it as a
 * warning (`DIS-STREAM-ABSENT`) naming what it will check once the stream exists; from the next
 * synth on, the tasks created on the stream are looked up and gated.
 */
export class DisTransferGateStack extends TerraformStack {
  /** The transfer tasks of the stream, as read at synth. */
  public readonly transferTasks: DisTransferTasks;

  public constructor(scope: Construct, id: string, props: DisTransferGateStackProps) {
    super(scope, id);

    // Region, project and credentials come from the provider's environment variables
    // (HW_REGION_NAME, HW_PROJECT_ID, HW_ACCESS_KEY, ...), the same ones the lookup reads.
    new HuaweicloudProvider(this, 'huaweicloud', {});

    // The stream name must be a literal: the lookup runs while the app synthesizes. The stack
    // creates the stream below, so on the first deploy it does not exist yet (mustExist: false).
    this.transferTasks = new DisTransferTasks(this, 'transfer-tasks', {
      streamName: props.streamName,
      mustExist: false,
    });

    new DisTransferTasksAssertion(this, 'transfer-tasks-gate', {
      lookup: this.transferTasks,
      allowedStates: ['RUNNING'],
      minTasks: 1,
      maxTransferLag: Duration.seconds(props.maxTransferLagSeconds ?? 3600),
      // The JSON report, and SARIF for code scanning, beside the stack in cdktf.out.
      reportFormats: [GateReportFormat.JSON, GateReportFormat.SARIF],
    });

    const tasks = this.transferTasks.tasks;
    const taskNames = this.transferTasks.taskNames;

    // A resource argument: the stream is tagged with the names of the tasks that dump it.
    new DisStream(this, 'stream', {
      streamName: props.streamName,
      partitionCount: 1,
      tags: { 'transfer-tasks': taskNames.join('.') },
    });

    new TerraformOutput(this, 'transfer-task-names', {
      description: 'The transfer tasks of the stream, as read at synth.',
      value: taskNames,
    });
    new TerraformOutput(this, 'transfer-task-states', {
      description: 'State and destination of each transfer task, as read at synth.',
      value: Object.fromEntries(
        tasks.map((task) => [task.taskName, { state: task.state, destination: task.destinationType }]),
      ),
    });
  }
}

// The example stack that `cdktf synth` runs at the repository root (cdktf.json) and that
// `npm run demo` runs against the embedded emulator. With real credentials in the environment
// (README, "Credentials and region") the same app reads a real Huawei Cloud project.
import { App } from 'cdktf';
import { DisTransferGateStack } from './dis-transfer-gate-stack';

const app = new App();
new DisTransferGateStack(app, 'dis-transfer-gate', {
  // The defaults match scenarios/demo.json; point them at your own stream with the environment.
  streamName: process.env.DIS_EXAMPLE_STREAM ?? 'orders',
  maxTransferLagSeconds: Number(process.env.DIS_EXAMPLE_MAX_LAG_SECONDS ?? 3600),
});
app.synth();

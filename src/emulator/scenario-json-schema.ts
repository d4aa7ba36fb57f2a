/**
 * The JSON Schema of scenario files (what editors use through `"$schema"`), generated from
 * {@link ScenarioSchema}. Cross-field rules (unique names, known project ids, the task quota) are
 * not expressible there; the emulator checks them on load. Shipped as `scenarios/scenario.schema.json`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  // zod and the schemas load on the call, not with the package.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { toJSONSchema } = require('zod') as typeof import('zod');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ScenarioSchema } = require('./scenario-schemas') as typeof import('./scenario-schemas');
  const schema = toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'DIS emulator scenario',
    description:
      'Projects, streams, transfer tasks and credentials served by the cdktf-dis-transfer-tasks DIS emulator.',
  };
}

#!/usr/bin/env node
// `npm run get`: regenerates the huaweicloud provider bindings in .gen/providers/huaweicloud from the
// committed schema subset (provider-schema/huaweicloud.schema.json) with the official cdktf generator,
// offline. Where the Terraform registry is reachable, `npx cdktf get` produces the full provider from
// the same `terraformProviders` entry in cdktf.json instead. Why the output is committed:
// docs/decisions/0001-commit-generated-provider-bindings.md.
'use strict';
const { readFileSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const schemaFile = join(root, 'provider-schema', 'huaweicloud.schema.json');
const FQPN = 'registry.terraform.io/huaweicloud/huaweicloud';

/**
 * The provider version pinned in cdktf.json (`huaweicloud/huaweicloud@<version>`), so that the
 * generated provider writes the same version into `required_providers` as `cdktf get` would.
 */
function pinnedProviderVersion() {
  const cdktfJson = JSON.parse(readFileSync(join(root, 'cdktf.json'), 'utf8'));
  const entry = (cdktfJson.terraformProviders || []).find((p) =>
    String(p).startsWith('huaweicloud/huaweicloud@'),
  );
  if (!entry) {
    throw new Error(
      'cdktf.json has no "huaweicloud/huaweicloud@<version>" entry in terraformProviders; add one so the bindings carry a pinned provider version.',
    );
  }
  return entry.slice('huaweicloud/huaweicloud@'.length);
}

/** Writes the bindings into `<outDir>/providers/huaweicloud`, replacing what was there. */
async function generateBindings(outDir = join(root, '.gen')) {
  // The generator's logger reports a missing terraform CLI config file as an error; it is harmless here.
  delete process.env.TF_CLI_CONFIG_FILE;
  const { generateProviderBindingsFromSchema } = require('@cdktf/provider-generator');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  if (!schema.provider_schemas || !schema.provider_schemas[FQPN]) {
    throw new Error(
      `${schemaFile} has no provider_schemas["${FQPN}"]; it must be \`terraform providers schema -json\` output.`,
    );
  }
  const version = pinnedProviderVersion();
  rmSync(join(outDir, 'providers', 'huaweicloud'), { recursive: true, force: true });
  await generateProviderBindingsFromSchema(outDir, { ...schema, provider_versions: { [FQPN]: version } });
  return { outDir: join(outDir, 'providers', 'huaweicloud'), version };
}

module.exports = { generateBindings, pinnedProviderVersion };

if (require.main === module) {
  generateBindings(process.argv[2] ? resolve(process.argv[2]) : undefined).then(
    ({ outDir, version }) => console.log(`huaweicloud provider ${version} bindings written to ${outDir}`),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}

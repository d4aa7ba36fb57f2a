#!/usr/bin/env node
// `npm run get`: regenerates the huaweicloud provider bindings in .gen/providers/huaweicloud from the
// committed schema subset (provider-schema/huaweicloud.schema.json) with the official cdktf generator,
// offline. Where the Terraform registry is reachable, `npx cdktf get` produces the full provider from
// the same `terraformProviders` entry in cdktf.json instead. Why the output is committed:
// docs/decisions/0001-commit-generated-provider-bindings.md.
'use strict';
const { readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
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
  const providerDir = join(outDir, 'providers', 'huaweicloud');
  markNoCheck(providerDir);
  return { outDir: providerDir, version };
}

/**
 * The generator writes code for cdktf's default tsconfig; this repository type-checks with
 * `noImplicitOverride`, which the generated classes do not satisfy (they override without the
 * keyword). Generated code is not ours to fix, so it is excluded from type checking, as
 * `skipLibCheck` does for declaration files; its exported types are still checked where used.
 */
function markNoCheck(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markNoCheck(path);
    else if (name.endsWith('.ts')) writeFileSync(path, NO_CHECK_HEADER + readFileSync(path, 'utf8'));
  }
}
const NO_CHECK_HEADER = '// @ts-nocheck generated code, see scripts/get.js\n';

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
